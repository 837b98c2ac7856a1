using GenreML.Training.Augmentation;
using GenreML.Training.Engine;
using GenreML.Training.Features;

namespace GenreML.Training.Tests;

public sealed class AugmentationTests
{
    [Fact]
    public void SpecAugmentZeroesWholeBandAndFrameRanges()
    {
        const int bands = 8, frames = 10;
        var window = Enumerable.Repeat(1f, bands * frames).ToArray();
        SpecAugment.Apply(window, bands, frames, new Random(3), frequencyMasks: 1, maxFrequencyWidth: 3, timeMasks: 1, maxTimeWidth: 4);

        int zeroBands = Enumerable.Range(0, bands).Count(b => Enumerable.Range(0, frames).All(t => window[b * frames + t] == 0));
        int zeroFrames = Enumerable.Range(0, frames).Count(t => Enumerable.Range(0, bands).All(b => window[b * frames + t] == 0));
        Assert.InRange(zeroBands, 0, 3);
        Assert.InRange(zeroFrames, 0, 4);
        int zeros = window.Count(v => v == 0);
        Assert.Equal(zeroBands * frames + zeroFrames * bands - zeroBands * zeroFrames, zeros);
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
    public void TrainingCropsPadShortClipsWithZeros()
    {
        float[] source = [1, 2, 3, 4, 5, 6];
        var window = new float[2 * 4];
        WindowLayout.Copy(source, bands: 2, frames: 3, start: 1, windowFrames: 4, window);
        Assert.Equal([2f, 3, 0, 0, 5, 6, 0, 0], window);
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
