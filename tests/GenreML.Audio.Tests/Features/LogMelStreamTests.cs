using GenreML.Audio.Decoding;
using GenreML.Audio.Features;
using GenreML.Audio.Resampling;

namespace GenreML.Audio.Tests.Features;

/// <summary>The streaming front end (resampler, Mel frames, two passes, window cutter) equals the whole-signal one exactly.</summary>
public class LogMelStreamTests
{
    private static readonly LogMelOptions Small = new() { SampleRate = 8000, FftSize = 256, WindowLength = 200, HopLength = 64, MelBands = 24 };

    public static TheoryData<int, int, int> Resampling => new()
    {
        { 44100, 22050, 1 }, { 44100, 22050, 30011 }, { 48000, 22050, 100003 }, { 16000, 22050, 9999 }, { 8000, 22050, 7 }, { 22050, 22050, 5000 },
    };

    [Theory]
    [MemberData(nameof(Resampling))]
    public void A_stream_resamples_to_exactly_the_whole_signal_samples(int from, int to, int length)
    {
        float[] input = Noise(length, seed: length);
        float[] whole = Resampler.Resample(input, from, to);
        foreach (int chunk in new[] { 1, 333, 1 << 16 })
        {
            using MonoAudioSource streamed = Resampler.Resample(new ChunkedSource(input, from, chunk), to);
            AudioSignal signal = streamed.ReadToEnd();
            Assert.Equal(to, signal.SampleRate);
            Assert.Equal(whole, signal.Samples);
        }
    }

    public static TheoryData<string, int, int> Spectrograms => new()
    {
        { "librosa", 8000, 1 }, { "librosa", 8000, 100 }, { "librosa", 8000, 255 }, { "librosa", 8000, 4097 }, { "librosa", 8000, 40011 },
        { "reflect", 8000, 129 }, { "reflect", 8000, 12345 }, { "max", 8000, 9001 }, { "power", 8000, 5003 }, { "nocenter", 8000, 7777 },
        { "librosa", 11025, 20011 }, { "reflect", 44100, 33333 },
    };

    [Theory]
    [MemberData(nameof(Spectrograms))]
    public void Streamed_blocks_equal_the_whole_spectrogram_in_one_and_in_two_passes(string kind, int rate, int length)
    {
        LogMelOptions options = Options(kind);
        var extractor = new LogMelExtractor(options);
        float[] input = Noise(length, seed: length + rate);
        float[] atRate = Resampler.Resample(input, rate, options.SampleRate);
        Spectrogram whole = extractor.Compute(atRate);
        foreach (long keep in new[] { LogMelStream.KeepBytes, 0L })
        {
            using LogMelStream stream = LogMelStream.Open(extractor, () => new ChunkedSource(input, rate, 777), keepBytes: keep);
            Assert.Equal(keep > 0, stream.SinglePass);
            Assert.Equal(atRate.Length, stream.Samples);
            Assert.Equal(whole.Frames, stream.Frames);
            Assert.Equal(atRate.Sum(s => (double)s * s), stream.Energy, 1e-9);
            foreach (int blockFrames in new[] { 1, 7, 1024 })
            {
                Assert.Equal(whole.Data, Join(stream.Blocks(blockFrames), options.MelBands, whole.Frames));
            }
        }
    }

    [Fact]
    public void The_second_pass_notices_audio_that_changed()
    {
        var extractor = new LogMelExtractor(Small);
        int opened = 0;
        using LogMelStream stream = LogMelStream.Open(extractor, () => new ChunkedSource(Noise(opened++ == 0 ? 5000 : 3000, 1), 8000, 500), keepBytes: 0);
        var error = Assert.Throws<AudioFormatException>(() => stream.Blocks().ToList());
        Assert.Contains("changed", error.Reason);
    }

    [Fact]
    public void A_non_seekable_stream_is_spooled_for_the_second_pass_and_the_copy_deleted()
    {
        float[] samples = Noise(30000, 3);
        string path = Path.Combine(Path.GetTempPath(), $"genreml-spool-test-{Guid.NewGuid():N}.wav");
        try
        {
            WavWriter.Write(path, samples, 8000, format: WavSampleFormat.Float32);
            var featurizer = new ClipFeaturizer(Small);
            Spectrogram whole = featurizer.Featurize(path);
            string[] before = Spools();
            string[] spooled;
            using (var pipe = new Decoding.Builders.NonSeekableStream(File.ReadAllBytes(path), maxRead: 4096))
            using (LogMelStream stream = featurizer.Open(pipe, "pipe"))
            {
                spooled = Spools().Except(before).ToArray();
                Assert.NotEmpty(spooled);
                Assert.Equal(whole.Data, Join(stream.Blocks(), Small.MelBands, whole.Frames));
            }

            Assert.All(spooled, file => Assert.False(File.Exists(file)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<int, int, int> Cuts => new()
    {
        { 1, 16, 16 }, { 15, 16, 16 }, { 16, 16, 16 }, { 17, 16, 16 }, { 100, 16, 16 }, { 100, 16, 5 }, { 101, 16, 8 }, { 37, 10, 3 }, { 50, 4, 7 }, { 9, 1, 2 }, { 40, 20, 1 },
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public void The_cutter_fed_in_blocks_gives_the_windows_of_the_whole_spectrogram(int frames, int windowFrames, int hop)
    {
        const int bands = 3;
        float[] data = Noise(bands * frames, frames);
        var whole = new Spectrogram(data, bands, frames);
        float pad = SpectrogramWindows.PadValue(data);
        int count = SpectrogramWindows.Count(frames, windowFrames, hop);
        var expected = new float[count][];
        for (int w = 0; w < count; w++)
        {
            expected[w] = new float[bands * windowFrames];
            SpectrogramWindows.CopyWindow(data, bands, frames, w * hop, windowFrames, pad, expected[w]);
        }

        Assert.Equal(expected, SpectrogramWindows.Cut(whole, windowFrames, hop));
        foreach (int block in new[] { 1, 3, 16 })
        {
            var cutter = new WindowCutter(bands, windowFrames, hop);
            var windows = new List<float[]>();
            for (int start = 0; start < frames; start += block)
            {
                int n = Math.Min(block, frames - start);
                var part = new float[bands * n];
                for (int b = 0; b < bands; b++)
                {
                    data.AsSpan(b * frames + start, n).CopyTo(part.AsSpan(b * n, n));
                }

                cutter.Add(new Spectrogram(part, bands, n), windows);
            }

            cutter.Finish(windows);
            Assert.Equal(expected, windows);
        }
    }

    private static string[] Spools() => Directory.GetFiles(Path.GetTempPath(), "genreml-spool-*.tmp");

    private static LogMelOptions Options(string kind) => kind switch
    {
        "reflect" => Small with { PadMode = PadMode.Reflect, MelScale = MelScale.Htk, MelNorm = MelNorm.None, Spectrum = SpectrumKind.Magnitude },
        "max" => Small with { DbReference = DbReference.Max, TopDb = 60 },
        "power" => Small with { ToDecibels = false, MelBands = 13 },
        "nocenter" => Small with { Center = false, MelBands = 21 },
        _ => Small,
    };

    private static float[] Join(IEnumerable<Spectrogram> blocks, int bands, int frames)
    {
        var data = new float[bands * frames];
        int at = 0;
        foreach (Spectrogram block in blocks)
        {
            for (int b = 0; b < bands; b++)
            {
                block.Band(b).CopyTo(data.AsSpan(b * frames + at));
            }

            at += block.Frames;
        }

        Assert.Equal(frames, at);
        return data;
    }

    private static float[] Noise(int length, int seed)
    {
        var random = new Random(seed);
        var samples = new float[length];
        for (int i = 0; i < length; i++)
        {
            samples[i] = (float)(0.5 * Math.Sin(i * 0.05) + 0.3 * (random.NextDouble() - 0.5) + (i % 1000 < 300 ? 0.2 * Math.Sin(i * 0.9) : 0));
        }

        return samples;
    }
}
