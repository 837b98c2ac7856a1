using GenreML.Inference.Cards;

namespace GenreML.Training.Features;

/// <summary>Computes one global mean and standard deviation over training spectrograms and applies them.</summary>
internal static class FeatureNormalizer
{
    /// <summary>Mean and standard deviation of every value of <paramref name="clips"/> (std floored at 1e-6).</summary>
    public static FeatureNormalization Fit(IEnumerable<ClipFeatures> clips)
    {
        ArgumentNullException.ThrowIfNull(clips);
        double sum = 0, sumSquares = 0;
        long count = 0;
        foreach (var clip in clips)
        {
            foreach (float v in clip.Spectrogram.Data)
            {
                sum += v;
                sumSquares += (double)v * v;
            }

            count += clip.Spectrogram.Data.Length;
        }

        if (count == 0) throw new ArgumentException("no training values to normalise with", nameof(clips));
        double mean = sum / count;
        double variance = Math.Max(sumSquares / count - mean * mean, 0);
        return new FeatureNormalization { Mean = (float)mean, Std = (float)Math.Max(Math.Sqrt(variance), 1e-6) };
    }

    /// <summary>A normalised copy of <paramref name="clip"/>.</summary>
    public static NormalizedClip Apply(ClipFeatures clip, FeatureNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(normalization);
        var s = clip.Spectrogram;
        var data = new float[s.Data.Length];
        float mean = normalization.Mean, scale = 1f / normalization.Std;
        for (int i = 0; i < data.Length; i++) data[i] = (s.Data[i] - mean) * scale;
        return new NormalizedClip(clip.Clip, clip.LabelIndex, data, s.Bands, s.Frames);
    }
}
