using GenreML.Audio.Features;

namespace GenreML.Inference.Answers;

/// <summary>
/// What a clip's status rests on besides the network's output: its length, its level (RMS of the decoded
/// signal in dBFS; null when only a spectrogram was given) and the spectral statistics of
/// <see cref="MusicEvidence"/>. Measured once per clip where the signal is at hand, then carried to where
/// the window probabilities are combined (through a vector column in the ML.NET path).
/// </summary>
/// <param name="Seconds">Clip length in seconds.</param>
/// <param name="LevelDbfs">RMS level of the decoded signal in dBFS (−∞ for digital silence); null when unknown.</param>
/// <param name="Spectral">The spectral statistics, <see cref="MusicEvidence.SpectralCount"/> values.</param>
public sealed record ClipEvidence(double Seconds, double? LevelDbfs, IReadOnlyList<double> Spectral)
{
    /// <summary>Length of <see cref="ToVector"/>.</summary>
    public static int VectorLength => 2 + MusicEvidence.SpectralCount;

    /// <summary>Measures a clip from its decoded samples (any rate) and its log-Mel spectrogram.</summary>
    public static ClipEvidence Measure(ReadOnlySpan<float> samples, int sampleRate, Spectrogram spectrogram)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentNullException.ThrowIfNull(spectrogram);
        return new ClipEvidence((double)samples.Length / sampleRate, RmsDbfs(samples), MusicEvidence.Spectral(spectrogram));
    }

    /// <summary>
    /// Measures a streamed clip: its length and level from <paramref name="clip"/>'s pass 1 and the spectral
    /// statistics gathered from its blocks (equal to <see cref="Measure(ReadOnlySpan{float}, int, Spectrogram)"/> of the whole clip).
    /// </summary>
    internal static ClipEvidence Measure(LogMelStream clip, double[] spectral) =>
        new((double)clip.Samples / clip.Options.SampleRate, RmsDbfs(clip.Energy, clip.Samples), spectral);

    /// <summary>Evidence from a spectrogram alone: no level, so such a clip is never <c>silence</c>.</summary>
    public static ClipEvidence FromSpectrogram(Spectrogram spectrogram, double seconds)
    {
        ArgumentNullException.ThrowIfNull(spectrogram);
        return new ClipEvidence(seconds, null, MusicEvidence.Spectral(spectrogram));
    }

    /// <summary>The RMS level of <paramref name="samples"/> in dBFS (full scale ±1); −∞ for no samples or all zeros.</summary>
    public static double RmsDbfs(ReadOnlySpan<float> samples)
    {
        double energy = 0;
        foreach (float s in samples)
        {
            energy += (double)s * s;
        }

        return RmsDbfs(energy, samples.Length);
    }

    /// <summary>The RMS level in dBFS of <paramref name="count"/> samples whose squares sum to <paramref name="energy"/>.</summary>
    private static double RmsDbfs(double energy, long count) =>
        count == 0 || energy == 0 ? double.NegativeInfinity : 10 * Math.Log10(energy / count);

    /// <summary>The evidence as floats: seconds, level (NaN when unknown, −∞ for silence), spectral statistics.</summary>
    public float[] ToVector()
    {
        var vector = new float[VectorLength];
        vector[0] = (float)Seconds;
        vector[1] = LevelDbfs is double level ? (float)level : float.NaN;
        for (int i = 0; i < Spectral.Count; i++)
        {
            vector[2 + i] = (float)Spectral[i];
        }

        return vector;
    }

    /// <summary>Reads <see cref="ToVector"/>'s layout back.</summary>
    /// <exception cref="ArgumentException">The vector has the wrong length.</exception>
    public static ClipEvidence FromVector(ReadOnlySpan<float> vector)
    {
        if (vector.Length != VectorLength)
            throw new ArgumentException($"clip evidence has {VectorLength} values, got {vector.Length}", nameof(vector));
        var spectral = new double[MusicEvidence.SpectralCount];
        for (int i = 0; i < spectral.Length; i++)
        {
            spectral[i] = vector[2 + i];
        }

        return new ClipEvidence(vector[0], float.IsNaN(vector[1]) ? null : vector[1], spectral);
    }
}
