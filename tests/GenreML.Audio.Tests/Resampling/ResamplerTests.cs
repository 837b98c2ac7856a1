using GenreML.Audio.Resampling;

namespace GenreML.Audio.Tests.Resampling;

public sealed class ResamplerTests
{
    private static float[] Sine(double hz, int sampleRate, int count) =>
        Enumerable.Range(0, count).Select(n => (float)(0.5 * Math.Sin(2 * Math.PI * hz * n / sampleRate))).ToArray();

    [Fact]
    public void EqualRatesGiveACopy()
    {
        float[] x = { 1, 2, 3 };
        float[] y = Resampler.Resample(x, 22050, 22050);
        Assert.Equal(x, y);
        Assert.NotSame(x, y);
    }

    [Theory]
    [InlineData(44100, 22050, 1000, 500)]
    [InlineData(48000, 22050, 1000, 460)]
    [InlineData(16000, 22050, 1000, 1379)]
    [InlineData(48000, 22050, 1, 1)]
    [InlineData(48000, 22050, 0, 0)]
    public void OutputLengthIsCeilingOfScaledLength(int from, int to, int inLength, int outLength)
    {
        Assert.Equal(outLength, new Resampler(from, to).OutputLength(inLength));
        Assert.Equal(outLength, Resampler.Resample(new float[inLength], from, to).Length);
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    [InlineData(16000)]
    public void InBandSineKeepsItsShape(int from)
    {
        float[] y = Resampler.Resample(Sine(1000, from, from), from, 22050);
        float[] expected = Sine(1000, 22050, 22050);
        // Away from the edges the filter passes 1 kHz essentially unchanged.
        for (int n = 200; n < y.Length - 200; n++)
        {
            Assert.True(Math.Abs(expected[n] - y[n]) < 2e-3, $"sample {n}: {y[n]} vs {expected[n]}");
        }
    }

    [Fact]
    public void AboveNyquistSineIsRemoved()
    {
        float[] y = Resampler.Resample(Sine(15000, 44100, 44100), 44100, 22050);
        Assert.True(y.Skip(200).Take(y.Length - 400).Max(Math.Abs) < 5e-3);
    }

    [Fact]
    public void SpanOutputOfWrongLengthIsRejected()
    {
        var resampler = new Resampler(44100, 22050);
        var error = Assert.Throws<ArgumentException>(() => resampler.Process(new float[100], new float[10]));
        Assert.Contains("50", error.Message);
    }

    [Fact]
    public void RejectsNonPositiveRates()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resampler(0, 22050));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(new float[3], 44100, -1));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void NonFiniteSampleIsNamed(float bad)
    {
        float[] x = new float[100];
        x[37] = bad;
        var error = Assert.Throws<ArgumentException>(() => Resampler.Resample(x, 44100, 22050));
        Assert.Contains("Sample 37", error.Message);
        Assert.Throws<ArgumentException>(() => Resampler.Resample(x, 22050, 22050));
    }

    [Fact]
    public void AudioSignalOverloadKeepsChannelsAndSkipsEqualRates()
    {
        var signal = new AudioSignal(Sine(440, 48000, 4800), 48000, sourceChannels: 2);
        AudioSignal resampled = Resampler.Resample(signal, 22050);
        Assert.Equal(22050, resampled.SampleRate);
        Assert.Equal(2205, resampled.Samples.Length);
        Assert.Equal(2, resampled.SourceChannels);
        Assert.Same(resampled, Resampler.Resample(resampled, 22050));
    }

    [Fact]
    public void SharedInstanceGivesTheSameResultFromManyThreads()
    {
        var random = new Random(11);
        float[] x = Enumerable.Range(0, 48000).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var resampler = new Resampler(48000, 22050);
        float[] reference = resampler.Process(x);
        Parallel.For(0, 8, i => Assert.Equal(reference, i % 2 == 0 ? resampler.Process(x) : Resampler.Resample(x, 48000, 22050)));
    }
}
