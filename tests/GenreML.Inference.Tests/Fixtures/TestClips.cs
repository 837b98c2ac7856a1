using GenreML.Audio.Decoding;
using GenreML.Audio.Synthesis;

namespace GenreML.Inference.Tests.Fixtures;

/// <summary>Short synthetic clips written as WAV files into a per-test temporary folder, deleted on dispose.</summary>
internal sealed class TestClips : IDisposable
{
    public TestClips()
    {
        Folder = Directory.CreateTempSubdirectory("genreml-inference-tests-").FullName;
    }

    public string Folder { get; }

    /// <summary>Mono samples of <paramref name="genre"/> (deterministic for given arguments).</summary>
    public static float[] Samples(string genre, int variant = 0, double seconds = 4, int sampleRate = 22050) =>
        DemoSongSynthesizer.Render(genre, variant, seconds, sampleRate);

    /// <summary>Writes a clip of <paramref name="genre"/> as a 16-bit mono WAV and returns its path.</summary>
    public string Wav(string genre, int variant = 0, double seconds = 4, int sampleRate = 22050)
    {
        string path = Path.Combine(Folder, $"{genre}.{variant:D2}.{sampleRate}.wav");
        WavWriter.Write(path, Samples(genre, variant, seconds, sampleRate), sampleRate);
        return path;
    }

    /// <summary>Writes <paramref name="bytes"/> to a file named <paramref name="name"/> and returns its path.</summary>
    public string File(string name, byte[] bytes)
    {
        string path = Path.Combine(Folder, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
