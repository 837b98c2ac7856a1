using GenreML.Audio.Decoding;

namespace GenreML.Audio.Tests.Decoding;

public sealed class WavWriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"genreml-writer-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16, 1000)]
    [InlineData(WavSampleFormat.Float32, 7)]
    [InlineData(WavSampleFormat.Pcm16, 0)]
    public void A_looped_file_holds_the_loop_repeated_and_cut_at_the_end(WavSampleFormat format, int total)
    {
        float[] loop = [0.5f, -0.25f, 0.125f];
        string path = Path.Combine(_folder, "looped.wav");
        string whole = Path.Combine(_folder, "whole.wav");
        float[] expected = Enumerable.Range(0, total).Select(i => loop[i % loop.Length]).ToArray();

        WavWriter.WriteLooped(path, loop, 8000, total, format);
        WavWriter.Write(whole, expected, 8000, format: format);

        Assert.Equal(File.ReadAllBytes(whole), File.ReadAllBytes(path));
    }

    [Fact]
    public void Pcm16_round_trips_values_on_the_16_bit_grid()
    {
        float[] samples = [0f, 0.5f, -0.5f, -1f, 1000 / 32768f, 32767 / 32768f];
        string path = Path.Combine(_folder, "mono.wav");
        WavWriter.Write(path, samples, 22050);
        var signal = WavDecoder.Read(path);
        Assert.Equal(samples, signal.Samples);
        Assert.Equal(22050, signal.SampleRate);
        Assert.Equal(44 + 2 * samples.Length, new FileInfo(path).Length);
    }

    [Fact]
    public void Pcm16_rounds_to_nearest_and_clips()
    {
        float[] samples = [1.5f, -2f, 1f, 0.4f / 32768, 0.6f / 32768, -0.6f / 32768];
        string path = Path.Combine(_folder, "clip.wav");
        WavWriter.Write(path, samples, 8000);
        Assert.Equal(new[] { 32767 / 32768f, -1f, 32767 / 32768f, 0f, 1 / 32768f, -1 / 32768f }, WavDecoder.Read(path).Samples);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Float32_round_trips_exactly_and_downmixes_on_read(int channels)
    {
        var random = new Random(42);
        float[] samples = Enumerable.Range(0, 30 * channels).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        using var stream = new MemoryStream();
        WavWriter.Write(stream, samples, 48000, channels, WavSampleFormat.Float32);
        stream.Position = 0;
        var signal = WavDecoder.Read(stream, "memory");
        Assert.Equal(channels, signal.SourceChannels);
        for (int f = 0; f < 30; f++)
        {
            float sum = 0;
            for (int c = 0; c < channels; c++)
            {
                sum += samples[f * channels + c];
            }

            Assert.Equal(channels == 1 ? sum : sum * (1f / channels), signal.Samples[f]);
        }
    }

    [Fact]
    public void Writes_a_signal_and_replaces_an_existing_file_without_leaving_temporaries()
    {
        string path = Path.Combine(_folder, "nested", "signal.wav");
        WavWriter.Write(path, new AudioSignal([0.25f, 0.5f], 16000));
        WavWriter.Write(path, new AudioSignal([0.125f], 16000), WavSampleFormat.Float32);
        Assert.Equal(new[] { 0.125f }, WavDecoder.Read(path).Samples);
        Assert.Equal(new[] { path }, Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void A_failed_write_leaves_no_file_behind()
    {
        string path = Path.Combine(_folder, "bad.wav");
        Directory.CreateDirectory(_folder);
        Assert.Throws<ArgumentException>(() => WavWriter.Write(path, [0f, float.NaN], 8000));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Rejects_bad_arguments()
    {
        string path = Path.Combine(_folder, "x.wav");
        Assert.Throws<ArgumentOutOfRangeException>(() => WavWriter.Write(path, [0f], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WavWriter.Write(path, [0f], 8000, channels: 0));
        Assert.Throws<ArgumentException>(() => WavWriter.Write(path, [0f, 0f, 0f], 8000, channels: 2));
        Assert.Throws<ArgumentException>(() => WavWriter.Write(path, [float.PositiveInfinity], 8000, format: WavSampleFormat.Float32));
        Assert.Throws<ArgumentOutOfRangeException>(() => WavWriter.Write(path, [0f], 8000, format: (WavSampleFormat)7));
    }
}
