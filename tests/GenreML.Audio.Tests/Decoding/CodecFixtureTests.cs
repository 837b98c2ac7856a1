using GenreML.Audio.Decoding;
using GenreML.Audio.Tests.Decoding.Builders;
using Xunit.Abstractions;

namespace GenreML.Audio.Tests.Decoding;

/// <summary>
/// The managed MP3, Ogg Vorbis, FLAC and Opus decoders against ffmpeg's decode of the same small
/// committed fixtures (made by Fixtures/make_codec_fixtures.sh; the reference "&lt;name&gt;.f32" is
/// ffmpeg's interleaved float output): same length, samples within the format's tolerance. No
/// ffmpeg is needed to run them.
/// </summary>
public class CodecFixtureTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("mp3-lame-cbr-stereo.mp3", 1e-5)]
    [InlineData("mp3-lame-vbr-mono.mp3", 1e-5)]
    [InlineData("mp3-ffmpeg-mono.mp3", 1e-5)]
    [InlineData("mp3-lame-no-tag.mp3", 1e-5)]
    [InlineData("mp3-lame-crc-id3v1.mp3", 1e-5)]
    [InlineData("flac-s16-indep-block1001.flac", 0.0)]
    [InlineData("flac-s16-left_side-block1001.flac", 0.0)]
    [InlineData("flac-s16-mid_side-block1001.flac", 0.0)]
    [InlineData("flac-s16-mono-block333.flac", 0.0)]
    [InlineData("flac-s16-noise.flac", 0.0)]
    [InlineData("flac-s16-picture-seektable.flac", 0.0)]
    [InlineData("flac-s16-right_side-block1001.flac", 0.0)]
    [InlineData("flac-s16-silence.flac", 0.0)]
    [InlineData("flac-s16-stereo-level0.flac", 0.0)]
    [InlineData("flac-s16-stereo-level12.flac", 0.0)]
    [InlineData("flac-s16-stereo-level5.flac", 0.0)]
    [InlineData("flac-s24-6ch.flac", 0.0)]
    [InlineData("flac-s24-stereo.flac", 0.0)]
    [InlineData("flac-s32-stereo.flac", 0.0)]
    [InlineData("flac-u8-mono.flac", 0.0)]
    [InlineData("opus-stereo.opus", 0.0)]
    [InlineData("opus-mono.opus", 0.0)]
    [InlineData("ogg-vorbis-stereo.ogg", 1e-5)]
    [InlineData("ogg-vorbis-mono.ogg", 1e-5)]
    [InlineData("ogg-vorbis-6ch.ogg", 1e-5)]
    [InlineData("ogg-vorbis-loud.ogg", 1e-5)]
    public void Managed_decode_matches_ffmpeg(string name, double tolerance)
    {
        string path = CodecFixtures.PathOf(name);
        using var source = AudioDecoder.Open(path, new AudioDecodeOptions { FfmpegExecutable = "/nonexistent/ffmpeg" });
        Assert.NotEqual("ffmpeg", source.DecoderName);
        var signal = source.ReadToEnd();
        float[] expected = CodecFixtures.FfmpegMono(name);
        double worst = CodecFixtures.MaxDifference(expected, signal.Samples);
        output.WriteLine($"{name}: {source.DecoderName}, {signal.Samples.Length} samples (ffmpeg {expected.Length}), max |Δ| {worst:E2}");
        Assert.Null(signal.Warning);
        Assert.Equal(expected.Length, signal.Samples.Length);
        Assert.True(worst <= tolerance, $"max |Δ| {worst} > {tolerance}");
        var piped = AudioDecoder.Read(new NonSeekableStream(File.ReadAllBytes(path), maxRead: 1000), name, new AudioDecodeOptions { FfmpegExecutable = "/nonexistent/ffmpeg" });
        Assert.Equal(signal.Samples, piped.Samples);
    }

    [Fact]
    public void Vorbis_overshoot_beyond_full_scale_is_kept_as_ffmpeg_keeps_it()
    {
        var signal = AudioDecoder.Read(CodecFixtures.PathOf("ogg-vorbis-loud.ogg"), new AudioDecodeOptions { FfmpegExecutable = "/nonexistent/ffmpeg" });
        Assert.True(CodecFixtures.FfmpegMono("ogg-vorbis-loud.ogg").Max(Math.Abs) > 1f, "the fixture should overshoot full scale");
        Assert.Contains(signal.Samples, s => Math.Abs(s) > 1f);
    }

    [Fact]
    public void Non_seekable_stream_decodes_the_same()
    {
        byte[] bytes = File.ReadAllBytes(CodecFixtures.PathOf("mp3-lame-cbr-stereo.mp3"));
        var seekable = AudioDecoder.Read(new MemoryStream(bytes), "x.mp3", new AudioDecodeOptions());
        var piped = AudioDecoder.Read(new NonSeekableStream(bytes, maxRead: 777), "x.mp3", new AudioDecodeOptions());
        Assert.Equal(seekable.Samples, piped.Samples);
    }
}
