using GenreML.Audio.Decoding;
using GenreML.Audio.Tests.Decoding.Builders;
using GenreML.Testing.Tools;
using Xunit.Abstractions;

namespace GenreML.Audio.Tests.Decoding;

/// <summary>Round trips through the real ffmpeg program; each test is skipped when ffmpeg is not installed.</summary>
public sealed class FfmpegDecoderTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-ffmpeg-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public void Flac_round_trip_is_exact_and_downmixed()
    {
        Skip.IfNot(Ffmpeg.IsAvailable, "ffmpeg is not installed");

        var (wav, expected) = WriteStereoTone("tone.wav", 44100, seconds: 0.5);
        string flac = Path.Combine(_folder, "tone.flac");
        Ffmpeg.Run("-i", wav, flac);

        var signal = AudioDecoder.Read(flac);
        Assert.Equal(44100, signal.SampleRate);
        Assert.Equal(2, signal.SourceChannels);
        Assert.Equal(expected, signal.Samples);
    }

    [SkippableFact]
    public void Mp3_round_trip_keeps_rate_length_and_waveform()
    {
        Skip.IfNot(Ffmpeg.IsAvailable, "ffmpeg is not installed");

        var (wav, expected) = WriteStereoTone("tone.wav", 22050, seconds: 1);
        string mp3 = Path.Combine(_folder, "tone.mp3");
        Ffmpeg.Run("-i", wav, "-b:a", "128k", mp3);

        var signal = AudioDecoder.Read(mp3);
        Assert.Equal(22050, signal.SampleRate);
        Assert.InRange(signal.Samples.Length, expected.Length, expected.Length + 2 * 1152 + 600);
        double best = Enumerable.Range(0, 2000).Max(lag => Correlation(expected, signal.Samples.AsSpan(lag)));
        Assert.True(best > 0.99, $"best correlation with the original is {best}");
    }

    [SkippableFact]
    public void Piped_stream_equals_the_file_decode()
    {
        Skip.IfNot(Ffmpeg.IsAvailable, "ffmpeg is not installed");

        var (wav, _) = WriteStereoTone("tone.wav", 16000, seconds: 0.3);
        string ogg = Path.Combine(_folder, "tone.ogg");
        Ffmpeg.Run("-i", wav, "-c:a", "libvorbis", ogg);
        byte[] bytes = File.ReadAllBytes(ogg);

        var fromFile = FfmpegDecoder.Read(ogg);
        var fromStream = FfmpegDecoder.Read(new NonSeekableStream(bytes, maxRead: 4096), "tone.ogg");
        var fromSeekable = FfmpegDecoder.Read(new MemoryStream(bytes), "tone.ogg");
        Assert.Equal(fromFile.Samples, fromStream.Samples);
        Assert.Equal(fromFile.Samples, fromSeekable.Samples);
    }

    [SkippableFact]
    public void M4a_with_its_index_at_the_end_needs_a_path_not_a_pipe()
    {
        Skip.IfNot(Ffmpeg.IsAvailable, "ffmpeg is not installed");

        string m4a = Path.Combine(_folder, "late-index.m4a");
        Ffmpeg.Run("-f", "lavfi", "-i", "sine=f=440:d=30", "-ar", "8000", "-c:a", "aac", "-b:a", "32k", m4a);

        var piped = Assert.Throws<AudioFormatException>(() => AudioDecoder.Read(new NonSeekableStream(File.ReadAllBytes(m4a), maxRead: 1 << 16), "late-index.m4a"));
        Assert.Contains("decode it from a path", piped.Reason);
        output.WriteLine(piped.Message);
        using var file = File.OpenRead(m4a);
        Assert.InRange(AudioDecoder.Read(file, "late-index.m4a").Duration.TotalSeconds, 29.9, 30.2);
    }

    [SkippableFact]
    public void Compressed_wav_codec_is_handed_to_ffmpeg()
    {
        Skip.IfNot(Ffmpeg.IsAvailable, "ffmpeg is not installed");

        var (wav, expected) = WriteStereoTone("tone.wav", 8000, seconds: 0.25);
        string adpcm = Path.Combine(_folder, "adpcm.wav");
        Ffmpeg.Run("-i", wav, "-c:a", "adpcm_ms", adpcm);

        var direct = Assert.Throws<AudioFormatException>(() => WavDecoder.Read(adpcm));
        Assert.Contains("Microsoft ADPCM", direct.Reason);
        var signal = AudioDecoder.Read(adpcm);
        Assert.InRange(signal.Samples.Length, expected.Length - 1024, expected.Length + 1024);
        var rewound = AudioDecoder.Read(new MemoryStream(File.ReadAllBytes(adpcm)), "adpcm.wav");
        Assert.Equal(signal.Samples, rewound.Samples);
        var piped = Assert.Throws<AudioFormatException>(() => AudioDecoder.Read(new NonSeekableStream(File.ReadAllBytes(adpcm)), "adpcm.wav"));
        Assert.Contains("cannot be rewound", piped.Reason);
    }

    [SkippableTheory]
    [InlineData(1, WavSampleFormat.Pcm16)]
    [InlineData(2, WavSampleFormat.Float32)]
    [InlineData(5, WavSampleFormat.Float32)]
    [InlineData(6, WavSampleFormat.Pcm16)]
    public void WavWriter_output_reads_the_same_through_ffmpeg(int channels, WavSampleFormat format)
    {
        Skip.IfNot(Ffmpeg.IsAvailable, "ffmpeg is not installed");

        var random = new Random(channels);
        float[] samples = Enumerable.Range(0, 400 * channels).Select(_ => (float)(random.NextDouble() * 1.8 - 0.9)).ToArray();
        string path = Path.Combine(_folder, $"written-{channels}-{format}.wav");
        WavWriter.Write(path, samples, 32000, channels, format);

        var managed = WavDecoder.Read(path);
        var viaFfmpeg = FfmpegDecoder.Read(path);
        Assert.Equal(32000, viaFfmpeg.SampleRate);
        Assert.Equal(channels, viaFfmpeg.SourceChannels);
        Assert.Equal(managed.Samples, viaFfmpeg.Samples);
    }

    [SkippableFact]
    public void Garbage_reports_ffmpegs_last_line()
    {
        Skip.IfNot(Ffmpeg.IsAvailable, "ffmpeg is not installed");

        string garbage = Path.Combine(_folder, "noise.mp3");
        File.WriteAllBytes(garbage, Enumerable.Range(0, 3000).Select(i => (byte)(i * 7919 % 251)).ToArray());
        var error = Assert.Throws<AudioFormatException>(() => AudioDecoder.Read(garbage));
        Assert.Equal(garbage, error.Source);
        Assert.StartsWith("ffmpeg could not decode it: ", error.Reason);
        output.WriteLine(error.Message);

        var text = Assert.Throws<AudioFormatException>(() => AudioDecoder.Read(new MemoryStream("just some text, not audio"u8.ToArray()), "notes.txt"));
        Assert.StartsWith("ffmpeg could not decode it: ", text.Reason);
        output.WriteLine(text.Message);
    }

    [SkippableFact]
    public void Damaged_mp3_is_refused_even_though_ffmpeg_exits_with_success()
    {
        Skip.IfNot(Ffmpeg.IsAvailable, "ffmpeg is not installed");

        var (wav, _) = WriteStereoTone("tone.wav", 22050, seconds: 2);
        string mp3 = Path.Combine(_folder, "damaged.mp3");
        Ffmpeg.Run("-i", wav, "-b:a", "64k", mp3);
        byte[] bytes = File.ReadAllBytes(mp3);
        var random = new Random(3);
        for (int i = 0; i < 200; i++)
        {
            bytes[random.Next(2000, bytes.Length)] = (byte)random.Next(256);
        }

        File.WriteAllBytes(mp3, bytes);
        var error = Assert.Throws<AudioFormatException>(() => FfmpegDecoder.Read(mp3));
        Assert.StartsWith("ffmpeg could not decode it: ", error.Reason);
        output.WriteLine(error.Message);
    }

    [SkippableFact]
    public void A_file_without_audio_stream_is_refused()
    {
        Skip.IfNot(Ffmpeg.IsAvailable, "ffmpeg is not installed");

        string image = Path.Combine(_folder, "still.png");
        Ffmpeg.Run("-f", "lavfi", "-i", "color=c=red:s=8x8:d=0.04", "-frames:v", "1", image);
        var error = Assert.Throws<AudioFormatException>(() => FfmpegDecoder.Read(image));
        Assert.StartsWith("ffmpeg could not decode it: ", error.Reason);
        output.WriteLine(error.Message);
    }

    [Fact]
    public void Missing_ffmpeg_says_how_to_install_it()
    {
        string mp3 = Path.Combine(_folder, "song.mp3");
        File.WriteAllBytes(mp3, [0xFF, 0xFB, 0x90, 0x00]);
        string nowhere = Path.Combine(_folder, "no-such-ffmpeg");
        var error = Assert.Throws<AudioFormatException>(() => FfmpegDecoder.Read(mp3, nowhere));
        Assert.StartsWith("ffmpeg is needed for .mp3 files: install it (Debian/Ubuntu: apt-get install ffmpeg)", error.Reason);
        var fromStream = Assert.Throws<AudioFormatException>(() => FfmpegDecoder.Read(new MemoryStream([1, 2, 3]), "stream", nowhere));
        Assert.StartsWith("ffmpeg is needed for this format (neither WAV nor AU): install it", fromStream.Reason);
    }

    [Fact]
    public void Missing_file_is_reported_without_running_ffmpeg()
    {
        string missing = Path.Combine(_folder, "gone.flac");
        Assert.Contains("does not exist", Assert.Throws<AudioFormatException>(() => FfmpegDecoder.Read(missing, "/nonexistent/ffmpeg")).Reason);
    }

    [SkippableFact]
    public void Paths_that_look_like_options_or_protocols_are_plain_files()
    {
        Skip.IfNot(Ffmpeg.IsAvailable, "ffmpeg is not installed");

        var (wav, expected) = WriteStereoTone("-i.wav", 8000, seconds: 0.1);
        string odd = Path.Combine(_folder, "-map http:x.flac");
        Ffmpeg.Run("-i", wav, "file:" + odd);
        Assert.Equal(expected, FfmpegDecoder.Read(odd).Samples);
    }

    /// <summary>Writes a 16-bit stereo WAV of two tones; returns its path and the mono mean the decoder must produce.</summary>
    private (string Path, float[] ExpectedMono) WriteStereoTone(string name, int rate, double seconds)
    {
        int frames = (int)(rate * seconds);
        var interleaved = new float[2 * frames];
        for (int i = 0; i < frames; i++)
        {
            interleaved[2 * i] = MathF.Round(0.5f * MathF.Sin(2 * MathF.PI * 440 * i / rate) * 32768) / 32768;
            interleaved[2 * i + 1] = MathF.Round(0.3f * MathF.Sin(2 * MathF.PI * 660 * i / rate) * 32768) / 32768;
        }

        string path = Path.Combine(_folder, name);
        WavWriter.Write(path, interleaved, rate, channels: 2);
        var mono = Enumerable.Range(0, frames).Select(i => (interleaved[2 * i] + interleaved[2 * i + 1]) * 0.5f).ToArray();
        return (path, mono);
    }

    private static double Correlation(float[] a, ReadOnlySpan<float> b)
    {
        int n = Math.Min(a.Length, b.Length);
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < n; i++)
        {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }

        return ab / Math.Sqrt(aa * bb + 1e-30);
    }
}
