namespace GenreML.Training.Augmentation;

/// <summary>
/// SpecAugment-style masking on one normalised window (band-major <c>bands × frames</c>): up to
/// <c>frequencyMasks</c> bands ranges of width 0..maxFrequencyWidth and <c>timeMasks</c> frame ranges of
/// width 0..maxTimeWidth are set to 0 (the training mean after normalisation).
/// </summary>
internal static class SpecAugment
{
    /// <summary>Masks <paramref name="window"/> in place with choices drawn from <paramref name="rng"/>.</summary>
    public static void Apply(Span<float> window, int bands, int frames, Random rng, int frequencyMasks, int maxFrequencyWidth, int timeMasks, int maxTimeWidth)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (window.Length != bands * frames)
            throw new ArgumentException($"window has {window.Length} values, expected {bands} × {frames}", nameof(window));
        for (int m = 0; m < frequencyMasks; m++)
        {
            int width = rng.Next(Math.Min(maxFrequencyWidth, bands) + 1);
            int start = rng.Next(bands - width + 1);
            window.Slice(start * frames, width * frames).Clear();
        }

        for (int m = 0; m < timeMasks; m++)
        {
            int width = rng.Next(Math.Min(maxTimeWidth, frames) + 1);
            int start = rng.Next(frames - width + 1);
            for (int b = 0; b < bands; b++)
            {
                window.Slice(b * frames + start, width).Clear();
            }
        }
    }
}
