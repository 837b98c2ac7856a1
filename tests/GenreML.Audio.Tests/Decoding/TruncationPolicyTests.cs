using GenreML.Audio.Decoding;
using GenreML.Audio.Tests.Decoding.Builders;

namespace GenreML.Audio.Tests.Decoding;

/// <summary>
/// One truncation policy for every format: a file cut short decodes as far as it goes, the samples
/// it gives are those of the complete file, and the warning says it was truncated; a cut before any
/// audio is an error.
/// </summary>
public class TruncationPolicyTests
{
    private static readonly AudioDecodeOptions NoFfmpeg = new() { FfmpegExecutable = "/nonexistent/ffmpeg" };

    [Theory]
    [InlineData("mp3-lame-cbr-stereo.mp3", 0.7, 1152)]
    [InlineData("mp3-ffmpeg-mono.mp3", 0.7, 576)]
    [InlineData("flac-s16-stereo-level5.flac", 0.7, 0)]
    [InlineData("flac-s16-mono-block333.flac", 0.9, 0)]
    [InlineData("ogg-vorbis-stereo.ogg", 0.99, 2048)]
    [InlineData("opus-stereo.opus", 0.7, 960)]
    public void A_cut_file_decodes_the_part_that_is_there_with_a_warning(string name, double keep, int tail)
    {
        byte[] full = File.ReadAllBytes(CodecFixtures.PathOf(name));
        var complete = AudioDecoder.Read(new MemoryStream(full), name, NoFfmpeg);
        Assert.Null(complete.Warning);
        byte[] cut = full[..(int)(full.Length * keep)];
        foreach (Stream stream in new Stream[] { new MemoryStream(cut), new NonSeekableStream(cut, maxRead: 1000) })
        {
            var partial = AudioDecoder.Read(stream, name, NoFfmpeg);
            Assert.StartsWith("truncated", partial.Warning);
            Assert.InRange(partial.Samples.Length, complete.Samples.Length / 3, complete.Samples.Length - 1);
            int same = partial.Samples.Length - tail;
            Assert.Equal(complete.Samples.AsSpan(0, same).ToArray(), partial.Samples.AsSpan(0, same).ToArray());
        }
    }

    [Theory]
    [InlineData("wav")]
    [InlineData("au")]
    public void Pcm_formats_follow_the_same_policy(string kind)
    {
        short[] values = [100, 200, 300, 400, 500, 600];
        byte[] full = kind == "wav"
            ? WavBytes.Pcm16(1, 8000, values.Select(v => (int)v).ToArray())
            : AuBytes.File(AuBytes.Linear16, 1, 8000, SampleBytes.Int(values.Select(v => (int)v).ToArray(), 2, bigEndian: true));
        var partial = AudioDecoder.Read(new MemoryStream(full[..^5]), "cut." + kind, NoFfmpeg);
        Assert.Equal(values[..3].Select(v => v / 32768f), partial.Samples);
        Assert.StartsWith("truncated", partial.Warning);
    }

    [Theory]
    [InlineData("mp3-lame-cbr-stereo.mp3", 300)]
    [InlineData("flac-s16-stereo-level5.flac", 60)]
    [InlineData("ogg-vorbis-stereo.ogg", 200)]
    [InlineData("opus-stereo.opus", 100)]
    public void A_cut_before_any_audio_is_an_error(string name, int keep)
    {
        byte[] cut = File.ReadAllBytes(CodecFixtures.PathOf(name))[..keep];
        var error = Assert.Throws<AudioFormatException>(() => AudioDecoder.Read(new MemoryStream(cut), name, NoFfmpeg));
        Assert.Equal(name, error.Source);
    }

    [Fact]
    public void The_streaming_source_reports_the_warning_only_at_the_end()
    {
        byte[] full = File.ReadAllBytes(CodecFixtures.PathOf("flac-s16-mono-block333.flac"));
        using var source = AudioDecoder.Open(new MemoryStream(full[..(int)(full.Length * 0.9)]), "cut.flac", NoFfmpeg);
        var chunk = new float[100];
        Assert.Equal(100, source.Read(chunk));
        Assert.Null(source.Warning);
        while (source.Read(chunk) > 0)
        {
        }

        Assert.StartsWith("truncated", source.Warning);
        Assert.Equal(0, source.Read(chunk));
    }
}
