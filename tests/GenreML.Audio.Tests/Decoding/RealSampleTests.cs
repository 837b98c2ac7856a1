using System.Diagnostics;
using GenreML.Audio.Decoding;
using GenreML.Audio.Tests.Decoding.Builders;
using GenreML.Testing;
using GenreML.Testing.Tools;
using Xunit.Abstractions;

namespace GenreML.Audio.Tests.Decoding;

/// <summary>
/// Checks the managed decoders against ffmpeg on real GTZAN files from the shared data folder.
/// The files are never committed: each test is reported as skipped when they (or ffmpeg) are absent.
/// </summary>
public class RealSampleTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("blues.00029.au")]
    [InlineData("jazz.00002.au")]
    [InlineData("blues.00030.wav")]
    [InlineData("hiphop.00010.wav")]
    public void Managed_decode_equals_ffmpegs_decode(string name)
    {
        string? path = SharedData.Sample(name);
        Skip.If(path is null, $"{name} is not in the shared data folder");

        var clock = Stopwatch.StartNew();
        var managed = AudioDecoder.Read(path!);
        clock.Stop();
        Assert.Equal(22050, managed.SampleRate);
        Assert.Equal(1, managed.SourceChannels);
        Assert.InRange(managed.Duration.TotalSeconds, 29.9, 30.1);
        output.WriteLine($"{name}: {managed.Samples.Length} samples, {managed.Duration.TotalSeconds:F3} s, managed decode {clock.Elapsed.TotalMilliseconds:F1} ms");

        Skip.IfNot(Ffmpeg.IsAvailable, "ffmpeg is not installed: the managed decode was checked, the comparison is skipped");

        Assert.Equal(managed.Samples, FfmpegDecoder.Read(path!).Samples);
    }

    [SkippableFact]
    public void A_gtzan_mp3_decodes_through_ffmpeg()
    {
        string? root = SharedData.GtzanDev;
        Skip.If(root is null || !Ffmpeg.IsAvailable, "gtzan-dev or ffmpeg is absent");

        string? mp3 = Directory.EnumerateFiles(Path.Combine(root!, "blues"), "*.mp3").Order().FirstOrDefault();
        Skip.If(mp3 is null, "no blues clip in gtzan-dev");

        var clock = Stopwatch.StartNew();
        var signal = AudioDecoder.Read(mp3!);
        clock.Stop();
        Assert.Contains(signal.SampleRate, new[] { 16000, 22050 });
        Assert.InRange(signal.Duration.TotalSeconds, 29, 31);
        Assert.Contains(signal.Samples, s => s != 0);
        output.WriteLine($"{Path.GetFileName(mp3!)}: {signal.SampleRate} Hz, {signal.Duration.TotalSeconds:F3} s, ffmpeg decode {clock.Elapsed.TotalMilliseconds:F0} ms");
    }
}
