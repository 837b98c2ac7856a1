using GenreML.Audio.Dsp;

namespace GenreML.Audio.Tests.Dsp;

public sealed class RealFftTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(64)]
    [InlineData(512)]
    [InlineData(2048)]
    public void MatchesNaiveDft(int size)
    {
        var random = new Random(1234 + size);
        float[] x = Enumerable.Range(0, size).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var fft = new RealFft(size);
        var re = new float[fft.Bins];
        var im = new float[fft.Bins];
        fft.Forward(x, re, im);

        double tolerance = 2e-6 * size;
        for (int k = 0; k <= size / 2; k++)
        {
            double sumRe = 0, sumIm = 0;
            for (int n = 0; n < size; n++)
            {
                double angle = -2 * Math.PI * k * n / size;
                sumRe += x[n] * Math.Cos(angle);
                sumIm += x[n] * Math.Sin(angle);
            }

            Assert.True(Math.Abs(sumRe - re[k]) < tolerance, $"bin {k} real: {re[k]} vs {sumRe}");
            Assert.True(Math.Abs(sumIm - im[k]) < tolerance, $"bin {k} imaginary: {im[k]} vs {sumIm}");
        }
    }

    [Fact]
    public void CosineAtBinFivePutsHalfItsEnergyThere()
    {
        const int size = 64;
        float[] x = Enumerable.Range(0, size).Select(n => (float)Math.Cos(2 * Math.PI * 5 * n / size)).ToArray();
        var fft = new RealFft(size);
        var re = new float[fft.Bins];
        var im = new float[fft.Bins];
        fft.Forward(x, re, im);
        Assert.Equal(32.0, re[5], 1e-4);
        Assert.Equal(0.0, re[4], 1e-4);
        Assert.Equal(0.0, im[5], 1e-4);
    }

    [Fact]
    public void RejectsSizesThatAreNotPowersOfTwo()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RealFft(12));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RealFft(1));
    }

    [Fact]
    public void RejectsWrongSpanLengths()
    {
        var fft = new RealFft(8);
        var error = Assert.Throws<ArgumentException>(() => fft.Forward(new float[7], new float[5], new float[5]));
        Assert.Contains("8 samples", error.Message);
    }
}
