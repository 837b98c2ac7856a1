using GenreML.Audio.Decoding;
using GenreML.Audio.Tests.Decoding.Builders;
using GenreML.Testing;
using GenreML.Testing.Tools;

namespace GenreML.Audio.Tests.Decoding;

/// <summary>Audio files whose names are not valid UTF-8 (escaped strings, <see cref="Core.IO.EscapedPath"/>) decode like any other.</summary>
public sealed class RawFileNameDecodingTests : IDisposable
{
    private const int Rate = 22050;
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-rawname-").FullName;

    public void Dispose() => RawFileNames.DeleteTree(_folder);

    [SkippableFact]
    public void A_WAV_with_a_Latin1_name_decodes_in_managed_code()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows names are UTF-16.");
        var (path, tone) = Tone("caf", ".wav");

        using MonoAudioSource source = AudioDecoder.Open(path, new AudioDecodeOptions());

        Assert.Equal("WAV", source.DecoderName, ignoreCase: true);
        Assert.Equal(tone, source.ReadToEnd().Samples);
    }

    [SkippableFact]
    public void Ffmpeg_reads_a_raw_name_through_the_open_descriptor_and_can_seek()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the descriptor link is /proc on Linux.");
        Skip.IfNot(Ffmpeg.IsAvailable, "ffmpeg is not installed");
        string ordinary = Path.Join(_folder, "tone.m4a");
        // An M4A written to a file keeps its index (moov) after the audio: ffmpeg must seek, which a pipe cannot.
        string source = Path.Join(_folder, "source.wav");
        WavWriter.Write(source, Sine(), Rate);
        Ffmpeg.Run("-i", source, "-c:a", "aac", ordinary);
        string m4a = RawFileNames.Latin1(_folder, "caf", ".m4a");
        RawFileNames.MoveTo(ordinary, m4a);

        AudioSignal viaDispatch = AudioDecoder.Read(m4a, new AudioDecodeOptions());
        AudioSignal forced = AudioDecoder.Read(m4a, new AudioDecodeOptions { ForceFfmpeg = true });
        using MonoAudioSource direct = FfmpegDecoder.Open(m4a, "ffmpeg");

        Assert.InRange(viaDispatch.Samples.Length, Rate, Rate + 4096);
        Assert.Equal(viaDispatch.Samples, forced.Samples);
        Assert.Equal(viaDispatch.Samples, direct.ReadToEnd().Samples);
    }

    [SkippableFact]
    public void A_missing_raw_name_says_the_file_does_not_exist()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows names are UTF-16.");
        string missing = RawFileNames.Latin1(_folder, "gone", ".wav");
        var error = Assert.Throws<AudioFormatException>(() => AudioDecoder.Read(missing, new AudioDecodeOptions()));
        Assert.Contains("does not exist", error.Message);
    }

    private (string Path, float[] Samples) Tone(string before, string after)
    {
        string ordinary = Path.Join(_folder, before + "-plain" + after);
        float[] samples = Sine();
        WavWriter.Write(ordinary, samples, Rate);
        string path = RawFileNames.Latin1(_folder, before, after);
        RawFileNames.MoveTo(ordinary, path);
        return (path, samples);
    }

    private static float[] Sine() => Enumerable.Range(0, Rate).Select(i => MathF.Round(0.5f * MathF.Sin(2 * MathF.PI * 440 * i / Rate) * 32768) / 32768).ToArray();
}
