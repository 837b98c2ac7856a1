using GenreML.Audio.Decoding;
using GenreML.Audio.Tests.Decoding.Builders;

namespace GenreML.Audio.Tests.Decoding;

public sealed class AudioDecoderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-decoder-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("a.wav", true)]
    [InlineData("A.WAV", true)]
    [InlineData("dir/b.Wave", true)]
    [InlineData("c.au", true)]
    [InlineData("c.snd", true)]
    [InlineData("d.mp3", true)]
    [InlineData("e.flac", true)]
    [InlineData("f.ogg", true)]
    [InlineData("f.opus", true)]
    [InlineData("g.m4a", true)]
    [InlineData("h.aiff", true)]
    [InlineData("notes.txt", false)]
    [InlineData("clip.mp4", false)]
    [InlineData("wav", false)]
    [InlineData("", false)]
    public void Knows_the_extensions_a_scan_picks_up(string path, bool supported) =>
        Assert.Equal(supported, AudioDecoder.IsSupportedExtension(path));

    [Fact]
    public void Supported_extensions_are_lower_case_with_a_dot() =>
        Assert.All(AudioDecoder.SupportedExtensions, e => Assert.Matches("^\\.[a-z0-9]+$", e));

    [Fact]
    public void Content_decides_not_the_name()
    {
        string wavNamedMp3 = Write("really-a-wav.mp3", WavBytes.Pcm16(1, 8000, 100, 200));
        Assert.Equal(new[] { 100 / 32768f, 200 / 32768f }, AudioDecoder.Read(wavNamedMp3).Samples);
        string auNamedWav = Write("really-an-au.wav", AuBytes.File(AuBytes.Linear16, 1, 8000, SampleBytes.Int([300], 2, bigEndian: true)));
        Assert.Equal(new[] { 300 / 32768f }, AudioDecoder.Read(auNamedWav).Samples);
    }

    [Fact]
    public void Streams_are_sniffed_whether_seekable_or_not()
    {
        byte[] wav = WavBytes.Pcm16(2, 8000, 100, 300, 5, 7);
        byte[] au = AuBytes.File(AuBytes.MuLaw, 1, 8000, [0x80, 0x00]);
        Assert.Equal(new[] { 200 / 32768f, 6 / 32768f }, AudioDecoder.Read(new MemoryStream(wav), "w").Samples);
        Assert.Equal(new[] { 200 / 32768f, 6 / 32768f }, AudioDecoder.Read(new NonSeekableStream(wav), "w").Samples);
        Assert.Equal(new[] { 32124 / 32768f, -32124 / 32768f }, AudioDecoder.Read(new NonSeekableStream(au, maxRead: 3), "a").Samples);
    }

    [Theory]
    [InlineData("flac-s16-mono-block333.flac", 2000)]
    [InlineData("flac-s16-mono-block333.flac", 100)]
    [InlineData("mp3-lame-no-tag.mp3", 5000)]
    public void An_id3v2_tag_in_front_is_looked_past_on_seekable_and_piped_streams(string fixture, int tagBody)
    {
        byte[] plain = File.ReadAllBytes(CodecFixtures.PathOf(fixture));
        byte[] size = [(byte)((tagBody >> 21) & 0x7F), (byte)((tagBody >> 14) & 0x7F), (byte)((tagBody >> 7) & 0x7F), (byte)(tagBody & 0x7F)];
        byte[] tagged = [.. "ID3"u8, 4, 0, 0, .. size, .. new byte[tagBody], .. plain];
        float[] expected = AudioDecoder.Read(new MemoryStream(plain), fixture).Samples;

        using MonoAudioSource seekable = AudioDecoder.Open(new MemoryStream(tagged), fixture);
        using MonoAudioSource piped = AudioDecoder.Open(new NonSeekableStream(tagged, maxRead: 4096), fixture);

        Assert.NotEqual("ffmpeg", seekable.DecoderName);
        Assert.Equal(seekable.DecoderName, piped.DecoderName);
        Assert.Equal(expected, seekable.ReadToEnd().Samples);
        Assert.Equal(expected, piped.ReadToEnd().Samples);
    }

    [Fact]
    public void Empty_input_is_refused_before_any_decoder_runs()
    {
        string empty = Write("empty.mp3", []);
        Assert.Contains("empty", Assert.Throws<AudioFormatException>(() => AudioDecoder.Read(empty)).Reason);
        Assert.Contains("empty", Assert.Throws<AudioFormatException>(() => AudioDecoder.Read(new MemoryStream(), "s.flac")).Reason);
    }

    [Fact]
    public void Broken_wav_reports_the_wav_reason()
    {
        string broken = Write("broken.wav", WavBytes.File([new RiffChunk("fmt ", WavBytes.Fmt(WavBytes.Pcm, 3, 8000, 16, blockAlign: 2))]));
        var error = Assert.Throws<AudioFormatException>(() => AudioDecoder.Read(broken));
        Assert.Equal(broken, error.Source);
        Assert.Contains("block align", error.Reason);
    }

    [Fact]
    public void Missing_file_and_directory()
    {
        string missing = Path.Combine(_folder, "missing.flac");
        Assert.Contains("does not exist", Assert.Throws<AudioFormatException>(() => AudioDecoder.Read(missing)).Reason);
        Assert.Contains("is a directory", Assert.Throws<AudioFormatException>(() => AudioDecoder.Read(_folder)).Reason);
    }

    [SkippableFact]
    public async Task A_named_pipe_is_read_like_a_stream()
    {
        Skip.If(!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS(), "named pipes via mkfifo need Linux or macOS");

        string fifo = Path.Combine(_folder, "pipe.wav");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Skip.If(mkfifo.ExitCode != 0, "mkfifo could not make a named pipe here");
        }

        byte[] wav = WavBytes.Pcm16(1, 8000, 11, 22, 33);
        var reader = Task.Run(() => AudioDecoder.Read(fifo));
        var writer = Task.Run(() => File.WriteAllBytes(fifo, wav));
        AudioSignal signal;
        try
        {
            signal = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            if (!writer.IsCompleted)
            {
                // The decoder failed before opening the pipe: open it here so the writer is released.
                using var release = new FileStream(fifo, FileMode.Open, FileAccess.Read);
                release.CopyTo(Stream.Null);
            }
        }

        await writer;
        Assert.Equal(new[] { 11 / 32768f, 22 / 32768f, 33 / 32768f }, signal.Samples);
    }

    [Fact]
    public void Thirty_seconds_of_16_bit_stereo_decode_to_the_mean_of_the_channels()
    {
        // Speed belongs to `genreml bench decoding`; this checks the long path's samples, not its time.
        var random = new Random(7);
        int[] values = Enumerable.Range(0, 2 * 30 * 44100).Select(_ => random.Next(-32768, 32768)).ToArray();
        string path = Write("long.wav", WavBytes.Pcm16(2, 44100, values));
        var signal = AudioDecoder.Read(path);
        Assert.Equal(30 * 44100, signal.Samples.Length);
        foreach (int frame in new[] { 0, 1, 12345, 30 * 44100 - 1 })
        {
            Assert.Equal((values[2 * frame] + values[2 * frame + 1]) / 2f / 32768f, signal.Samples[frame], 6);
        }
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
