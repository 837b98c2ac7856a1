namespace GenreML.Reports.Data;

/// <summary>
/// One log-Mel spectrogram to show, with what the model made of it.
/// The values are band-major (band <c>b</c>, frame <c>t</c> at <c>BandMajorDb[b * Frames + t]</c>), in dB,
/// band 0 being the lowest frequency. NaN values are drawn in the lowest colour of the scale.
/// </summary>
public sealed record SpectrogramExample
{
    /// <summary>Validates and wraps the spectrogram (arrays are not copied).</summary>
    /// <param name="title">What the clip is, usually its file name.</param>
    /// <param name="trueLabel">The correct genre.</param>
    /// <param name="predictedLabel">The genre the model chose.</param>
    /// <param name="bandMajorDb">bands × frames values in dB, band-major.</param>
    /// <param name="bands">Number of Mel bands.</param>
    /// <param name="frames">Number of frames.</param>
    /// <param name="secondsPerFrame">Hop length in seconds (hop / sample rate).</param>
    /// <param name="bandCenterHz">Centre frequency of each band in Hz, strictly increasing.</param>
    /// <exception cref="ArgumentException">A size does not match, or a value is not finite or out of range.</exception>
    public SpectrogramExample(
        string title,
        string trueLabel,
        string predictedLabel,
        float[] bandMajorDb,
        int bands,
        int frames,
        double secondsPerFrame,
        double[] bandCenterHz)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(trueLabel);
        ArgumentNullException.ThrowIfNull(predictedLabel);
        ArgumentNullException.ThrowIfNull(bandMajorDb);
        ArgumentNullException.ThrowIfNull(bandCenterHz);
        if (bands < 2)
        {
            throw new ArgumentException($"spectrogram '{title}': needs at least 2 bands, got {bands}", nameof(bands));
        }
        if (frames < 1)
        {
            throw new ArgumentException($"spectrogram '{title}': needs at least 1 frame, got {frames}", nameof(frames));
        }
        if (bandMajorDb.Length != (long)bands * frames)
        {
            throw new ArgumentException(
                $"spectrogram '{title}': has {bandMajorDb.Length} values, expected bands × frames = {bands} × {frames}", nameof(bandMajorDb));
        }
        if (!(secondsPerFrame > 0) || double.IsInfinity(secondsPerFrame))
        {
            throw new ArgumentException($"spectrogram '{title}': seconds per frame must be positive and finite, got {secondsPerFrame}", nameof(secondsPerFrame));
        }
        if (bandCenterHz.Length != bands)
        {
            throw new ArgumentException(
                $"spectrogram '{title}': has {bandCenterHz.Length} band centre frequencies for {bands} bands", nameof(bandCenterHz));
        }
        for (var b = 0; b < bands; b++)
        {
            if (!double.IsFinite(bandCenterHz[b]) || bandCenterHz[b] < 0 || (b > 0 && bandCenterHz[b] <= bandCenterHz[b - 1]))
            {
                throw new ArgumentException(
                    $"spectrogram '{title}': band centre frequencies must be finite, non-negative and strictly increasing; band {b} is {bandCenterHz[b]} Hz",
                    nameof(bandCenterHz));
            }
        }
        Title = title;
        TrueLabel = trueLabel;
        PredictedLabel = predictedLabel;
        BandMajorDb = bandMajorDb;
        Bands = bands;
        Frames = frames;
        SecondsPerFrame = secondsPerFrame;
        BandCenterHz = bandCenterHz;
    }

    /// <summary>What the clip is, usually its file name.</summary>
    public string Title { get; }

    /// <summary>The correct genre.</summary>
    public string TrueLabel { get; }

    /// <summary>The genre the model chose.</summary>
    public string PredictedLabel { get; }

    /// <summary>True when the prediction is right (labels compared ordinally).</summary>
    public bool IsCorrect => string.Equals(TrueLabel, PredictedLabel, StringComparison.Ordinal);

    /// <summary>bands × frames values in dB, band-major.</summary>
    public float[] BandMajorDb { get; }

    /// <summary>Number of Mel bands.</summary>
    public int Bands { get; }

    /// <summary>Number of frames.</summary>
    public int Frames { get; }

    /// <summary>Hop length in seconds.</summary>
    public double SecondsPerFrame { get; }

    /// <summary>Centre frequency of each band in Hz, strictly increasing.</summary>
    public double[] BandCenterHz { get; }
}
