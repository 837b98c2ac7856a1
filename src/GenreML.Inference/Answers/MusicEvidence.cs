using GenreML.Audio.Features;

namespace GenreML.Inference.Answers;

/// <summary>
/// The features of the not-music check (<see cref="Cards.NotMusicModel"/>). Seven come from the log-Mel
/// spectrogram (dB relative to the clip's maximum, so they do not depend on loudness): spectral flatness
/// (noise is flat), its spread over time, frame-energy spread and the share of quiet frames (speech pauses),
/// spectral flux, and the spectral centroid and its spread. Four come from the network's window probabilities:
/// the clip's top probability, the entropy of the clip's probabilities, the mean entropy of the windows
/// and the share of windows that disagree with the clip's top genre. Entropies are divided by log(classes).
/// </summary>
public static class MusicEvidence
{
    /// <summary>Number of spectral statistics (the first features).</summary>
    public const int SpectralCount = 7;

    /// <summary>Frames this far (dB) below the loudest frames count as quiet.</summary>
    private const double QuietBelowDb = 30;

    /// <summary>The feature names in the order of <see cref="Features"/>; a card's not-music model must list exactly these.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
    [
        "flatness", "flatnessSpread", "energySpreadDb", "quietFrames", "fluxDb", "centroid", "centroidSpread",
        "topProbability", "clipEntropy", "windowEntropy", "windowDisagreement",
    ];

    /// <summary>The spectral statistics of a log-Mel spectrogram in dB (bands × frames).</summary>
    public static double[] Spectral(Spectrogram spectrogram)
    {
        ArgumentNullException.ThrowIfNull(spectrogram);
        var statistics = new SpectralStatistics(spectrogram.Bands, spectrogram.Frames);
        statistics.Add(spectrogram);
        return statistics.Result();
    }

    /// <summary>
    /// The statistics from the per-frame flatness, energy (dB) and centroid and the summed flux
    /// (<see cref="SpectralStatistics"/> gathers them a block at a time).
    /// </summary>
    internal static double[] Spectral(double[] flatness, double[] energy, double[] centroid, double flux, int bands)
    {
        int frames = flatness.Length;
        if (frames == 0 || bands == 0)
        {
            return new double[SpectralCount];
        }

        double[] sorted = (double[])energy.Clone();
        Array.Sort(sorted);
        double loud = sorted[(int)Math.Floor(0.95 * (frames - 1))];
        double quiet = energy.Count(e => e < loud - QuietBelowDb) / (double)frames;
        return
        [
            flatness.Average(), Spread(flatness), Spread(energy), quiet,
            frames > 1 ? flux / ((frames - 1) * (double)bands) : 0,
            centroid.Average(), Spread(centroid),
        ];
    }

    /// <summary>
    /// The full feature vector of the not-music check: <paramref name="spectral"/> followed by the statistics of
    /// the network's raw (uncalibrated) <paramref name="windowProbabilities"/> and their mean <paramref name="clipProbabilities"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The spectral statistics have the wrong count, or there are no windows.</exception>
    public static double[] Features(IReadOnlyList<double> spectral, IReadOnlyList<float> clipProbabilities, IReadOnlyList<float[]> windowProbabilities)
    {
        ArgumentNullException.ThrowIfNull(spectral);
        ArgumentNullException.ThrowIfNull(clipProbabilities);
        ArgumentNullException.ThrowIfNull(windowProbabilities);
        if (spectral.Count != SpectralCount)
            throw new ArgumentException($"expected {SpectralCount} spectral statistics, got {spectral.Count}", nameof(spectral));
        if (windowProbabilities.Count == 0)
            throw new ArgumentException("there are no windows", nameof(windowProbabilities));
        int top = 0;
        for (int c = 1; c < clipProbabilities.Count; c++)
        {
            if (clipProbabilities[c] > clipProbabilities[top]) top = c;
        }

        double windowEntropy = 0;
        int disagree = 0;
        foreach (float[] window in windowProbabilities)
        {
            windowEntropy += Entropy(window);
            int best = 0;
            for (int c = 1; c < window.Length; c++)
            {
                if (window[c] > window[best]) best = c;
            }

            if (best != top) disagree++;
        }

        return
        [
            .. spectral,
            clipProbabilities[top], Entropy(clipProbabilities.ToArray()),
            windowEntropy / windowProbabilities.Count, disagree / (double)windowProbabilities.Count,
        ];
    }

    private static double Entropy(float[] p)
    {
        double h = 0;
        foreach (float v in p)
        {
            if (v > 0) h -= v * Math.Log(v);
        }

        return p.Length > 1 ? h / Math.Log(p.Length) : 0;
    }

    private static double Spread(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }
}
