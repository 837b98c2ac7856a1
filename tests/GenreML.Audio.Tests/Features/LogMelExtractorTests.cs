using GenreML.Audio.Features;

namespace GenreML.Audio.Tests.Features;

public sealed class LogMelExtractorTests
{
    private static float[] Sine(double hz, int count, int sampleRate = 22050, double amplitude = 0.5) =>
        Enumerable.Range(0, count).Select(n => (float)(amplitude * Math.Sin(2 * Math.PI * hz * n / sampleRate))).ToArray();

    [Theory]
    [InlineData(true, 0, 1)]
    [InlineData(true, 511, 1)]
    [InlineData(true, 512, 2)]
    [InlineData(true, 22050, 44)]
    [InlineData(false, 2047, 0)]
    [InlineData(false, 2048, 1)]
    [InlineData(false, 2560, 2)]
    [InlineData(false, 22050, 40)]
    public void FrameCountFollowsCentering(bool center, int samples, int frames)
    {
        var extractor = new LogMelExtractor(new LogMelOptions { Center = center });
        Spectrogram s = extractor.Compute(new float[samples]);
        Assert.Equal(frames, s.Frames);
        Assert.Equal(128, s.Bands);
    }

    [Fact]
    public void SineLightsUpTheBandContainingItsFrequency()
    {
        var options = new LogMelOptions { MelBands = 64 };
        var extractor = new LogMelExtractor(options);
        Spectrogram s = extractor.Compute(Sine(2000, 22050));
        double[] edges = MelFilterBank.EdgeFrequencies(64, 0, 11025, MelScale.Slaney);
        int expected = Enumerable.Range(0, 64).OrderBy(b => Math.Abs(edges[b + 1] - 2000)).First();
        int frame = s.Frames / 2;
        int loudest = Enumerable.Range(0, 64).OrderByDescending(b => s[b, frame]).First();
        Assert.Equal(expected, loudest);
    }

    [Fact]
    public void SilenceSitsAtTheAminFloor()
    {
        var extractor = new LogMelExtractor(new LogMelOptions());
        Spectrogram s = extractor.Compute(new float[4096]);
        Assert.All(s.Data, v => Assert.Equal(-100f, v, 1e-4f));
    }

    [Fact]
    public void TopDbClampsToEightyBelowTheMaximumAndMaxReferencePeaksAtZero()
    {
        var extractor = new LogMelExtractor(new LogMelOptions { DbReference = DbReference.Max });
        Spectrogram s = extractor.Compute(Sine(440, 22050));
        Assert.Equal(0f, s.Data.Max(), 1e-5f);
        Assert.Equal(-80f, s.Data.Min(), 1e-4f);
    }

    [Fact]
    public void LinearMelMatchesDenseFilterBankProductOnOneFrame()
    {
        // One uncentred frame of n_fft 256: compare with a naive windowed DFT times the dense bank.
        var options = new LogMelOptions { FftSize = 256, WindowLength = 200, HopLength = 256, MelBands = 20, Center = false, ToDecibels = false };
        var random = new Random(7);
        float[] x = Enumerable.Range(0, 256).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        Spectrogram s = new LogMelExtractor(options).Compute(x);
        Assert.Equal(1, s.Frames);

        float[] window = GenreML.Audio.Dsp.HannWindow.Centered(200, 256);
        float[,] bank = MelFilterBank.Create(options);
        var power = new double[129];
        for (int k = 0; k < 129; k++)
        {
            double re = 0, im = 0;
            for (int n = 0; n < 256; n++)
            {
                re += x[n] * window[n] * Math.Cos(2 * Math.PI * k * n / 256);
                im -= x[n] * window[n] * Math.Sin(2 * Math.PI * k * n / 256);
            }

            power[k] = re * re + im * im;
        }

        for (int b = 0; b < 20; b++)
        {
            double expected = 0;
            for (int k = 0; k < 129; k++)
            {
                expected += bank[b, k] * power[k];
            }

            Assert.Equal(expected, s[b, 0], Math.Max(1e-6, expected * 1e-4));
        }
    }

    [Fact]
    public void ReflectPaddingNeedsASignalLongerThanHalfTheFft()
    {
        var extractor = new LogMelExtractor(LogMelOptions.Torchaudio);
        var error = Assert.Throws<ArgumentException>(() => extractor.Compute(new float[1024]));
        Assert.Contains("1024", error.Message);
        Assert.Equal(3, extractor.Compute(new float[1025]).Frames);
    }

    [Fact]
    public void InvalidOptionsAreRejectedInTheConstructor()
    {
        var error = Assert.Throws<ArgumentException>(() => new LogMelExtractor(new LogMelOptions { FftSize = 1000, HopLength = 0 }));
        Assert.Contains("FftSize", error.Message);
        Assert.Contains("HopLength", error.Message);
    }

    [Fact]
    public void DestinationOfWrongLengthIsRejected()
    {
        var extractor = new LogMelExtractor(new LogMelOptions());
        var error = Assert.Throws<ArgumentException>(() => extractor.Compute(new float[22050], new float[10]));
        Assert.Contains("44 frames", error.Message);
    }

    [Fact]
    public void ConcurrentCallsGiveTheSameResultAsOneCall()
    {
        var extractor = new LogMelExtractor(new LogMelOptions());
        var random = new Random(3);
        float[] x = Enumerable.Range(0, 3 * 22050).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        float[] reference = extractor.Compute(x).Data;
        Parallel.For(0, 8, _ => Assert.Equal(reference, extractor.Compute(x).Data));
    }

    [Fact]
    public void NonFiniteSampleIsNamed()
    {
        float[] x = new float[5000];
        x[4999] = float.NaN;
        var error = Assert.Throws<ArgumentException>(() => new LogMelExtractor(new LogMelOptions()).Compute(x));
        Assert.Contains("Sample 4999", error.Message);
    }

    [Fact]
    public void AudioSignalAtAnotherRateIsRejectedWithAHint()
    {
        var extractor = new LogMelExtractor(new LogMelOptions());
        var error = Assert.Throws<ArgumentException>(() => extractor.Compute(new AudioSignal(new float[44100], 44100)));
        Assert.Contains("44100 Hz", error.Message);
        Assert.Contains("resample", error.Message);
        Assert.Equal(44, extractor.Compute(new AudioSignal(new float[22050], 22050)).Frames);
    }

    [Theory]
    [InlineData(2048, 1)]
    [InlineData(512, 2)]
    [InlineData(16, 3)]
    [InlineData(4, 4)]
    public void Loading_frames_transposed_gives_the_bits_of_the_scalar_load(int fftSize, int seed)
    {
        var extractor = new LogMelExtractor(new LogMelOptions { FftSize = fftSize, WindowLength = fftSize, HopLength = Math.Max(1, fftSize / 4), MelBands = 2 });
        var random = new Random(seed);
        float[] source = Enumerable.Range(0, 8 * fftSize).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        int lanes = GenreML.Audio.Dsp.LaneFft.Lanes;
        int[] offsets = Enumerable.Range(0, lanes).Select(l => l == lanes - 1 ? 0 : random.Next(0, 7 * fftSize)).ToArray();
        int values = fftSize / 2 * lanes;
        float[] re = new float[values], im = new float[values], expectedRe = new float[values], expectedIm = new float[values];
        extractor.LoadFrames(source, offsets, re, im);
        extractor.LoadFramesScalar(source, offsets, expectedRe, expectedIm, 0);
        Assert.Equal(expectedRe, re);
        Assert.Equal(expectedIm, im);
    }
}
