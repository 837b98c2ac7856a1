using GenreML.Audio.Dsp;

namespace GenreML.Audio.Tests.Dsp;

public sealed class HannWindowTests
{
    [Fact]
    public void PeriodicHannOfFourIsZeroHalfOneHalf()
    {
        float[] w = HannWindow.Periodic(4);
        Assert.Equal(new[] { 0f, 0.5f, 1f, 0.5f }, w.Select(v => MathF.Round(v, 6)).ToArray());
    }

    [Fact]
    public void PeriodicHannMatchesScipyFormula()
    {
        float[] w = HannWindow.Periodic(2048);
        for (int n = 0; n < w.Length; n++)
        {
            Assert.Equal(0.5 - 0.5 * Math.Cos(2 * Math.PI * n / 2048), w[n], 1e-6);
        }
    }

    [Fact]
    public void ShortWindowIsCentredInTheFrameLikeLibrosaPadCenter()
    {
        float[] frame = HannWindow.Centered(4, 9);
        // left pad = (9 - 4) / 2 = 2
        Assert.Equal(new[] { 0f, 0f, 0f, 0.5f, 1f, 0.5f, 0f, 0f, 0f }, frame.Select(v => MathF.Round(v, 6)).ToArray());
    }

    [Fact]
    public void RejectsWindowLongerThanFrame()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HannWindow.Centered(10, 8));
    }
}
