using GenreML.Training.Augmentation;
using GenreML.Training.Engine;

namespace GenreML.Training.Tests;

public sealed class AugmentationTests
{
    [Fact]
    public void SpecAugment_zeroes_whole_contiguous_band_and_frame_ranges_within_the_widths()
    {
        const int bands = 8, frames = 10;
        int maskedBands = 0, maskedFrames = 0;
        for (int seed = 0; seed < 50; seed++)
        {
            var window = Enumerable.Repeat(1f, bands * frames).ToArray();
            SpecAugment.Apply(window, bands, frames, new Random(seed), frequencyMasks: 1, maxFrequencyWidth: 3, timeMasks: 1, maxTimeWidth: 4);

            int[] zeroBands = Enumerable.Range(0, bands).Where(b => Enumerable.Range(0, frames).All(t => window[b * frames + t] == 0)).ToArray();
            int[] zeroFrames = Enumerable.Range(0, frames).Where(t => Enumerable.Range(0, bands).All(b => window[b * frames + t] == 0)).ToArray();
            Assert.InRange(zeroBands.Length, 0, 3);
            Assert.InRange(zeroFrames.Length, 0, 4);
            Assert.True(zeroBands.Length == 0 || zeroBands[^1] - zeroBands[0] + 1 == zeroBands.Length, $"seed {seed}: masked bands are not one range");
            Assert.True(zeroFrames.Length == 0 || zeroFrames[^1] - zeroFrames[0] + 1 == zeroFrames.Length, $"seed {seed}: masked frames are not one range");
            Assert.Equal(zeroBands.Length * frames + zeroFrames.Length * bands - zeroBands.Length * zeroFrames.Length, window.Count(v => v == 0));
            maskedBands += zeroBands.Length > 0 ? 1 : 0;
            maskedFrames += zeroFrames.Length > 0 ? 1 : 0;
        }

        // Widths are drawn from 0..max, so about three windows in four get each mask; a no-op gets none.
        Assert.InRange(maskedBands, 26, 50);
        Assert.InRange(maskedFrames, 26, 50);
    }

    [Fact]
    public void BetaSamplesAreInRangeWithMeanOneHalf()
    {
        var rng = new Random(1);
        var samples = Enumerable.Range(0, 4000).Select(_ => BetaSampler.Symmetric(rng, 0.2)).ToArray();
        Assert.All(samples, s => Assert.InRange(s, 0.0, 1.0));
        Assert.InRange(samples.Average(), 0.47, 0.53);
        Assert.True(samples.Count(s => s < 0.1 || s > 0.9) > samples.Length / 2, "alpha 0.2 puts most mass near 0 and 1");
    }

    [Fact]
    public void OneCycleWarmsUpThenDecays()
    {
        Assert.Equal(0.04, OneCycleRate.At(0, 100, 1.0), 9);
        Assert.Equal(1.0, OneCycleRate.At(10, 100, 1.0), 9);
        Assert.True(OneCycleRate.At(50, 100, 1.0) < 1.0);
        Assert.Equal(0.001, OneCycleRate.At(100, 100, 1.0), 9);
    }
}
