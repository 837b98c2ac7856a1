using GenreML.Audio.Dsp;

namespace GenreML.Audio.Tests.Dsp;

public sealed class SampleChecksTests
{
    [Fact]
    public void Every_non_finite_sample_is_found_wherever_it_sits()
    {
        foreach (float bad in new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity })
        {
            for (int length = 1; length <= 40; length++)
            {
                for (int at = 0; at < length; at++)
                {
                    var samples = Enumerable.Range(0, length).Select(i => (float)Math.Sin(i)).ToArray();
                    samples[at] = bad;
                    Assert.False(SampleChecks.AllFinite(samples), $"{bad} at {at} of {length}");
                }
            }
        }
    }

    [Fact]
    public void Finite_extremes_pass()
    {
        float[] samples = [float.MaxValue, float.MinValue, float.Epsilon, -float.Epsilon, 0f, -0f, 1e-38f, 3f, -2f, 1f, float.MaxValue];
        for (int length = 0; length <= samples.Length; length++)
        {
            Assert.True(SampleChecks.AllFinite(samples.AsSpan(0, length)));
        }
    }
}
