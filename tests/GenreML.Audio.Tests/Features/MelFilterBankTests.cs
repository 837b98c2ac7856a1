using GenreML.Audio.Features;

namespace GenreML.Audio.Tests.Features;

public sealed class MelFilterBankTests
{
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(200.0, 3.0)]
    [InlineData(1000.0, 15.0)]
    [InlineData(6400.0, 42.0)]
    public void SlaneyScaleIsLinearBelowOneKilohertzAndLogAbove(double hz, double mel)
    {
        Assert.Equal(mel, MelFilterBank.HzToMel(hz, MelScale.Slaney), 9);
        Assert.Equal(hz, MelFilterBank.MelToHz(mel, MelScale.Slaney), 6);
    }

    [Fact]
    public void HtkScaleUsesTheTwentyFiveNinetyFiveFormula()
    {
        Assert.Equal(2595.0 * Math.Log10(2.0), MelFilterBank.HzToMel(700.0, MelScale.Htk), 9);
        Assert.Equal(700.0, MelFilterBank.MelToHz(MelFilterBank.HzToMel(700.0, MelScale.Htk), MelScale.Htk), 9);
    }

    [Fact]
    public void UnnormalisedFiltersAreTrianglesBetweenTheirEdges()
    {
        // 8 kHz, n_fft 16: bins every 500 Hz; HTK, 3 bands from 0 to 4 kHz.
        float[,] bank = MelFilterBank.Create(8000, 16, 3, 0, 4000, MelScale.Htk, MelNorm.None);
        Assert.Equal(3, bank.GetLength(0));
        Assert.Equal(9, bank.GetLength(1));
        double[] edges = MelFilterBank.EdgeFrequencies(3, 0, 4000, MelScale.Htk);
        for (int b = 0; b < 3; b++)
        {
            for (int k = 0; k < 9; k++)
            {
                double f = 500.0 * k;
                double expected = Math.Max(0, Math.Min((f - edges[b]) / (edges[b + 1] - edges[b]), (edges[b + 2] - f) / (edges[b + 2] - edges[b + 1])));
                Assert.Equal(expected, bank[b, k], 6);
            }
        }
    }

    [Fact]
    public void SlaneyNormScalesEachFilterByTwoOverItsWidth()
    {
        float[,] plain = MelFilterBank.Create(22050, 2048, 40, 0, 11025, MelScale.Slaney, MelNorm.None);
        float[,] normed = MelFilterBank.Create(22050, 2048, 40, 0, 11025, MelScale.Slaney, MelNorm.Slaney);
        double[] edges = MelFilterBank.EdgeFrequencies(40, 0, 11025, MelScale.Slaney);
        for (int b = 0; b < 40; b++)
        {
            double factor = 2.0 / (edges[b + 2] - edges[b]);
            for (int k = 0; k < 1025; k++)
            {
                Assert.Equal(plain[b, k] * factor, normed[b, k], 1e-6);
            }
        }
    }

    [Fact]
    public void ReportsEveryBadSettingAtOnce()
    {
        var error = Assert.Throws<ArgumentException>(() => MelFilterBank.Create(0, 1, 0, -1, -2, MelScale.Slaney, MelNorm.None));
        Assert.Contains("sampleRate", error.Message);
        Assert.Contains("fftSize", error.Message);
        Assert.Contains("bands", error.Message);
        Assert.Contains("fMin", error.Message);
        Assert.Contains("fMax", error.Message);
    }
}
