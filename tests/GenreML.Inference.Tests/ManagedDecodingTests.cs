using GenreML.Audio;
using GenreML.Audio.Decoding;
using GenreML.Inference.Results;
using GenreML.Testing.Tools;

namespace GenreML.Inference.Tests;

/// <summary>
/// The embeddable library classifies WAV, AU, MP3, FLAC, Ogg Vorbis and Ogg Opus with ffmpeg made
/// unavailable (decoded in managed code only), and its probabilities are those of the ffmpeg path
/// within 1e-4. The files are made at test time from one synthetic clip, so the test needs ffmpeg
/// (for making them and for the comparison) and is skipped without it.
/// </summary>
public sealed class ManagedDecodingTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private static readonly AudioDecodeOptions NoFfmpeg = new() { FfmpegExecutable = "/nonexistent/ffmpeg" };
    private static readonly AudioDecodeOptions OnlyFfmpeg = new() { ForceFfmpeg = true };

    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-managed-decoding-").FullName;
    private readonly GenreClassifier _classifier = GenreClassifier.Open(Path.Combine(AppContext.BaseDirectory, "Shipped", "genreml-gtzan.onnx"));

    public void Dispose()
    {
        _classifier.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [SkippableTheory]
    [InlineData("clip.wav", "pcm_s16le", "WAV")]
    [InlineData("clip.au", "pcm_s16be", "AU")]
    [InlineData("clip.mp3", "libmp3lame", "MP3 (NLayer)")]
    [InlineData("clip.flac", "flac", "FLAC")]
    [InlineData("clip.ogg", "libvorbis", "Ogg Vorbis (NVorbis)")]
    [InlineData("clip.opus", "libopus", "Ogg Opus (Concentus)")]
    public void Each_format_classifies_without_ffmpeg_as_through_ffmpeg(string name, string codec, string decoder)
    {
        Skip.IfNot(Ffmpeg.IsAvailable, "ffmpeg is not installed: it is needed to make the files and for the comparison");
        string path = Path.Combine(_folder, name);
        Ffmpeg.Run(["-f", "lavfi", "-i", "sine=f=220:r=22050:d=6", "-f", "lavfi", "-i", "anoisesrc=r=22050:d=6:a=0.1:seed=4",
            "-filter_complex", "[0][1]amerge=inputs=2[o]", "-map", "[o]", "-c:a", codec, path]);

        using (var source = AudioDecoder.Open(path, NoFfmpeg))
        {
            Assert.Equal(decoder, source.DecoderName);
        }

        GenrePrediction managed = _classifier.Classify(AudioDecoder.Read(path, NoFfmpeg));
        GenrePrediction viaFfmpeg = _classifier.Classify(ReadThroughFfmpeg(path, codec));
        Assert.Equal(viaFfmpeg.WindowCount, managed.WindowCount);
        output.WriteLine($"{name}: max |ΔP| {viaFfmpeg.Scores.Max(s => Math.Abs(s.Probability - managed.ProbabilityOf(s.Genre))):E2} over {viaFfmpeg.Scores.Count} genres");
        foreach (var score in viaFfmpeg.Scores)
        {
            float difference = Math.Abs(score.Probability - managed.ProbabilityOf(score.Genre));
            Assert.True(difference <= 1e-4, $"{name}: P({score.Genre}) is {managed.ProbabilityOf(score.Genre)} managed, {score.Probability} through ffmpeg");
        }
    }

    /// <summary>
    /// The ffmpeg path; for Opus with ffmpeg's libopus decoder, which Concentus ports (ffmpeg's default
    /// native Opus decoder synthesises noise bands differently).
    /// </summary>
    private AudioSignal ReadThroughFfmpeg(string path, string codec)
    {
        if (codec != "libopus")
        {
            return AudioDecoder.Read(path, OnlyFfmpeg);
        }

        string wav = path + ".wav";
        Ffmpeg.Run(["-c:a", "libopus", "-i", path, "-c:a", "pcm_f32le", wav]);
        return AudioDecoder.Read(wav, OnlyFfmpeg);
    }
}
