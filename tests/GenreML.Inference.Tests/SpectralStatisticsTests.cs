using System.Runtime.Intrinsics;
using GenreML.Audio.Features;
using GenreML.Inference.Answers;

namespace GenreML.Inference.Tests;

/// <summary>The vector spectral statistics give the bits of the band-by-band arithmetic they replace.</summary>
public sealed class SpectralStatisticsTests
{
    [Theory]
    [InlineData(128, 1292, 128)]
    [InlineData(128, 1292, 1292)]
    [InlineData(7, 37, 1)]
    [InlineData(7, 37, 5)]
    [InlineData(3, 9, 4)]
    [InlineData(16, 130, 6)]
    public void Blocks_give_the_bits_of_the_band_by_band_reference(int bands, int frames, int blockFrames)
    {
        float[] db = Decibels(bands * frames, seed: bands + frames + blockFrames);
        var statistics = new SpectralStatistics(bands, frames);
        for (int start = 0; start < frames; start += blockFrames)
        {
            int n = Math.Min(blockFrames, frames - start);
            var block = new float[bands * n];
            for (int b = 0; b < bands; b++)
            {
                db.AsSpan(b * frames + start, n).CopyTo(block.AsSpan(b * n, n));
            }

            statistics.Add(new Spectrogram(block, bands, n));
        }

        double[] expected = Reference(db, bands, frames);
        double[] actual = statistics.Result();
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
    }

    [SkippableFact]
    public void Vector_pow_and_log_return_the_bits_of_Math_where_they_say_they_are_exact()
    {
        Skip.IfNot(VectorLibm.IsExact, "the vector pow/log are not glibc's on this platform (Math is used instead)");
        var random = new Random(11);
        for (int i = 0; i < 250_000; i++)
        {
            Vector256<double> y = Vector256.Create(Exponent(random), Exponent(random), Exponent(random), Exponent(random));
            if (VectorLibm.CoversPowerOfTen(y))
            {
                Vector256<double> power = VectorLibm.PowerOfTen(y);
                for (int l = 0; l < 4; l++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Pow(10, y[l])), BitConverter.DoubleToInt64Bits(power[l]));
                }
            }

            Vector256<double> x = Vector256.Create(Math.Exp(random.NextDouble() * 100 - 50), random.NextDouble() * 3, Math.Exp(random.NextDouble() * 1300 - 650), random.NextDouble());
            if (VectorLibm.CoversLog(x))
            {
                Vector256<double> log = VectorLibm.Log(x);
                for (int l = 0; l < 4; l++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Log(x[l])), BitConverter.DoubleToInt64Bits(log[l]));
                }
            }
        }

        static double Exponent(Random random) => (float)(random.NextDouble() * 400 - 300) / 10.0;
    }

    /// <summary>The statistics computed frame by frame, band by band, with <see cref="Math"/> (the arithmetic the class started from).</summary>
    private static double[] Reference(float[] data, int bands, int frames)
    {
        var flatness = new double[frames];
        var energy = new double[frames];
        var centroid = new double[frames];
        double flux = 0;
        for (int t = 0; t < frames; t++)
        {
            double sum = 0, logSum = 0, weighted = 0;
            for (int b = 0; b < bands; b++)
            {
                double db = data[b * frames + t];
                double power = Math.Pow(10, db / 10);
                sum += power;
                logSum += Math.Log(Math.Max(power, 1e-12));
                weighted += b * power;
                if (t > 0)
                {
                    flux += Math.Abs(db - data[b * frames + t - 1]);
                }
            }

            flatness[t] = sum > 0 ? Math.Exp(logSum / bands) / (sum / bands) : 1;
            energy[t] = 10 * Math.Log10(Math.Max(sum, 1e-12));
            centroid[t] = sum > 0 ? weighted / sum / Math.Max(1, bands - 1) : 0;
        }

        return MusicEvidence.Spectral(flatness, energy, centroid, flux, bands);
    }

    /// <summary>dB values of a log-Mel spectrogram, with the special cases mixed in: exactly 0 (the clip's maximum), the −80 dB floor, values near 0 dB (powers near 1), tiny and large ones.</summary>
    private static float[] Decibels(int count, int seed)
    {
        var random = new Random(seed);
        float[] specials = [0f, -0f, -80f, 1e-30f, -1e-30f, 0.1f, -0.2f, 0.25f, 150f, -300f, 2500f];
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = random.Next(8) == 0 ? specials[random.Next(specials.Length)] : (float)(random.NextDouble() * -80);
        }

        return values;
    }
}
