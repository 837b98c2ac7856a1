namespace GenreML.Inference.Cards;

/// <summary>
/// The card's section on honest answers: the temperature that calibrates the clip probabilities and the
/// thresholds that decide a result's <see cref="Answers.ResultStatus"/>. A card without it (older models)
/// gets <see cref="Default"/>: temperature 1 (probabilities as the network gives them), no confidence
/// threshold, no not-music check, the default silence level and one window as the shortest clip.
/// Fitted and written by <c>genreml calibrate</c>.
/// </summary>
public sealed record CalibrationSettings
{
    /// <summary>The default silence level in dBFS (RMS of the decoded signal).</summary>
    public const double DefaultSilenceDbfs = -60;

    /// <summary>The settings of a card that has none.</summary>
    public static CalibrationSettings Default { get; } = new();

    /// <summary>
    /// Temperature T: calibrated clip probabilities are softmax(log p / T) of the mean window probabilities p.
    /// T &gt; 1 softens an overconfident model. Default 1.
    /// </summary>
    public double Temperature { get; init; } = 1;

    /// <summary>Results whose calibrated top probability is below this are <c>uncertain</c>. Default 0 (never).</summary>
    public double MinConfidence { get; init; }

    /// <summary>Clips shorter than this many seconds are <c>too_short</c>; 0 (the default) means one model window.</summary>
    public double MinSeconds { get; init; }

    /// <summary>Clips whose decoded signal has an RMS level below this (dBFS) are <c>silence</c>. Default −60.</summary>
    public double SilenceDbfs { get; init; } = DefaultSilenceDbfs;

    /// <summary>The not-music check; null when the model has none (no result is then <c>not_music</c>).</summary>
    public NotMusicModel? NotMusic { get; init; }

    /// <summary>How the values were fitted (data, clip counts, command), for readers of the card.</summary>
    public string? FittedOn { get; init; }

    /// <summary>The shortest clip, in seconds, that gets an answer for a model reading <paramref name="card"/>'s windows.</summary>
    public double MinimumSeconds(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return MinSeconds > 0 ? MinSeconds : (double)card.WindowFrames * card.Features.HopLength / card.Features.SampleRate;
    }

    /// <summary>Checks the values; throws <see cref="ModelCardException"/> naming the wrong one.</summary>
    public void Validate(string source)
    {
        if (!(Temperature > 0) || !double.IsFinite(Temperature))
            throw new ModelCardException(source, "calibration.temperature", $"must be a positive number (got {Temperature})");
        if (!(MinConfidence >= 0 && MinConfidence <= 1))
            throw new ModelCardException(source, "calibration.minConfidence", $"must be in [0, 1] (got {MinConfidence})");
        if (!(MinSeconds >= 0) || !double.IsFinite(MinSeconds))
            throw new ModelCardException(source, "calibration.minSeconds", $"must be zero or positive (got {MinSeconds})");
        if (!double.IsFinite(SilenceDbfs) || SilenceDbfs > 0)
            throw new ModelCardException(source, "calibration.silenceDbfs", $"must be a finite level at or below 0 dBFS (got {SilenceDbfs})");
        NotMusic?.Validate(source);
    }
}
