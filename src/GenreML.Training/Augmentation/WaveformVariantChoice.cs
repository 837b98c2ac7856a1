using GenreML.Training.Features;

namespace GenreML.Training.Augmentation;

/// <summary>Which version of a clip a training window is cut from: the original or one of its waveform-augmented variants, with equal odds.</summary>
internal static class WaveformVariantChoice
{
    /// <summary>
    /// <paramref name="clip"/> itself when it has no variants (without drawing from <paramref name="rng"/>, so runs
    /// without augmentation draw exactly as before), else the original or one of its variants uniformly.
    /// </summary>
    public static NormalizedClip Pick(NormalizedClip clip, Random rng)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(rng);
        if (clip.Variants.Count == 0) return clip;
        int k = rng.Next(clip.Variants.Count + 1);
        return k == 0 ? clip : clip.Variants[k - 1];
    }
}
