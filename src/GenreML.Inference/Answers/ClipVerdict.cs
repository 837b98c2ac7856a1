using GenreML.Inference.Cards;

namespace GenreML.Inference.Answers;

/// <summary>
/// The one decision on a clip's answer, shared by every consumer: calibrates the clip probabilities with the
/// card's temperature and gives the status, checked in this order: <c>too_short</c> (shorter than
/// <see cref="CalibrationSettings.MinimumSeconds"/>), <c>silence</c> (level below
/// <see cref="CalibrationSettings.SilenceDbfs"/>), <c>not_music</c> (the card's not-music score at or above its
/// threshold), <c>uncertain</c> (calibrated top probability below the minimum confidence), else <c>ok</c>.
/// </summary>
/// <param name="Status">One of <see cref="ResultStatus"/>.</param>
/// <param name="Probabilities">Calibrated clip probabilities in the card's label order (they sum to 1).</param>
/// <param name="NotMusicScore">The not-music model's probability that the clip is not music; null when the card has no such model.</param>
public sealed record ClipVerdict(string Status, float[] Probabilities, double? NotMusicScore)
{
    /// <summary>Decides a clip.</summary>
    /// <param name="card">The model card (its <see cref="ModelCard.Calibration"/>, or the defaults when it has none).</param>
    /// <param name="evidence">The clip's length, level and spectral statistics.</param>
    /// <param name="clipProbabilities">The network's mean window probabilities (uncalibrated), label order.</param>
    /// <param name="windowProbabilities">The network's probabilities per window (uncalibrated).</param>
    /// <param name="minConfidence">Overrides the card's minimum confidence when given (0 turns <c>uncertain</c> off).</param>
    /// <exception cref="ArgumentException">The probabilities do not fit the card, or <paramref name="minConfidence"/> is outside [0, 1].</exception>
    public static ClipVerdict Decide(ModelCard card, ClipEvidence evidence, IReadOnlyList<float> clipProbabilities, IReadOnlyList<float[]> windowProbabilities, double? minConfidence = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(clipProbabilities);
        if (clipProbabilities.Count != card.Labels.Count)
            throw new ArgumentException($"{clipProbabilities.Count} probabilities for {card.Labels.Count} labels", nameof(clipProbabilities));
        if (minConfidence is double m && !(m >= 0 && m <= 1))
            throw new ArgumentException($"the minimum confidence must be in [0, 1] (got {m})", nameof(minConfidence));
        CalibrationSettings settings = card.Calibration ?? CalibrationSettings.Default;
        float[] calibrated = TemperatureScaling.Apply(clipProbabilities.ToArray(), settings.Temperature);
        double? notMusic = settings.NotMusic?.Score(MusicEvidence.Features(evidence.Spectral, clipProbabilities, windowProbabilities));
        string status = evidence.Seconds < settings.MinimumSeconds(card) ? ResultStatus.TooShort
            : evidence.LevelDbfs < settings.SilenceDbfs ? ResultStatus.Silence
            : notMusic >= settings.NotMusic?.Threshold ? ResultStatus.NotMusic
            : calibrated.Max() < (minConfidence ?? settings.MinConfidence) ? ResultStatus.Uncertain
            : ResultStatus.Ok;
        return new ClipVerdict(status, calibrated, notMusic);
    }
}
