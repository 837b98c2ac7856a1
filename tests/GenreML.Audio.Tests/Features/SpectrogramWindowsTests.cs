using GenreML.Audio.Features;

namespace GenreML.Audio.Tests.Features;

public sealed class SpectrogramWindowsTests
{
    [Theory]
    [InlineData(0, 4, 2, 0)]
    [InlineData(1, 4, 2, 1)]
    [InlineData(4, 4, 2, 1)]
    [InlineData(5, 4, 2, 2)]
    [InlineData(6, 4, 2, 2)]
    [InlineData(7, 4, 2, 3)]
    [InlineData(1292, 128, 64, 20)]
    public void CountCoversEveryFrame(int frames, int window, int hop, int expected)
    {
        Assert.Equal(expected, SpectrogramWindows.Count(frames, window, hop));
    }

    [Fact]
    public void CutsBandMajorWindowsAndPadsTheLastWithTheMinimum()
    {
        // 2 bands × 5 frames: band 0 = 0..4, band 1 = 10..14
        var s = new Spectrogram(new float[] { 0, 1, 2, 3, 4, 10, 11, 12, 13, 14 }, 2, 5);
        float[][] windows = SpectrogramWindows.Cut(s, 3, 2);
        Assert.Equal(2, windows.Length);
        Assert.Equal(new float[] { 0, 1, 2, 10, 11, 12 }, windows[0]);
        Assert.Equal(new float[] { 2, 3, 4, 12, 13, 14 }, windows[1]);

        float[][] wide = SpectrogramWindows.Cut(s, 4, 4);
        Assert.Equal(2, wide.Length);
        Assert.Equal(new float[] { 4, 0, 0, 0, 14, 0, 0, 0 }, wide[1]);
    }

    [Fact]
    public void ShortClipGivesOnePaddedWindowWithTheGivenPadValue()
    {
        var s = new Spectrogram(new float[] { -5, -6, -7, -8 }, 2, 2);
        float[][] windows = SpectrogramWindows.Cut(s, 4, 2, padValue: -80f);
        Assert.Single(windows);
        Assert.Equal(new float[] { -5, -6, -80, -80, -7, -8, -80, -80 }, windows[0]);
    }

    [Fact]
    public void A_crop_past_the_end_is_padded_with_the_clip_floor_as_inference_pads()
    {
        float[] source = [1, 2, 3, 4, 5, 6]; // 2 bands × 3 frames
        var crop = new float[2 * 4];
        SpectrogramWindows.CopyWindow(source, bands: 2, frames: 3, start: 1, windowFrames: 4, SpectrogramWindows.PadValue(source), crop);
        Assert.Equal([2f, 3, 1, 1, 5, 6, 1, 1], crop);

        // The first crop equals the first inference window, padding included.
        var first = new float[2 * 4];
        SpectrogramWindows.CopyWindow(source, 2, 3, 0, 4, SpectrogramWindows.PadValue(source), first);
        Assert.Equal(SpectrogramWindows.Cut(new Spectrogram(source, 2, 3), 4, 4)[0], first);
        Assert.Throws<ArgumentOutOfRangeException>(() => SpectrogramWindows.CopyWindow(source, 2, 3, 3, 4, 0, crop));
    }

    [Fact]
    public void EmptySpectrogramIsAnError()
    {
        var s = new Spectrogram(Array.Empty<float>(), 3, 0);
        var error = Assert.Throws<ArgumentException>(() => SpectrogramWindows.Cut(s, 4, 2));
        Assert.Contains("no frames", error.Message);
    }

    [Fact]
    public void RejectsNonPositiveWindowOrHop()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpectrogramWindows.Count(10, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpectrogramWindows.Count(10, 4, 0));
    }

    [Fact]
    public void The_vector_pad_value_is_the_scalar_minimum_whatever_the_length_and_special_values()
    {
        var random = new Random(7);
        float[] specials = [float.NaN, -0f, 0f, float.NegativeInfinity, float.PositiveInfinity, float.Epsilon, -float.Epsilon];
        for (int length = 0; length <= 70; length++)
        {
            for (int trial = 0; trial < 20; trial++)
            {
                var values = new float[length];
                for (int i = 0; i < length; i++)
                {
                    values[i] = random.Next(6) == 0 ? specials[random.Next(specials.Length)] : (float)(random.NextDouble() * 200 - 100);
                }

                float expected = float.PositiveInfinity;
                foreach (float v in values)
                {
                    expected = MathF.Min(expected, v);
                }

                Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(SpectrogramWindows.PadValue(values)));
            }
        }
    }
}
