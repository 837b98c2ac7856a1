using GenreML.Audio.Decoding;
using GenreML.Audio.Synthesis;

namespace GenreML.MLNet.Tests;

/// <summary>A temporary folder of synthetic labelled clips (<c>&lt;root&gt;/&lt;genre&gt;/&lt;genre&gt;.N.wav</c>), deleted on dispose.</summary>
internal sealed class TestAudio : IDisposable
{
    public const int SampleRate = 22050;

    public static string TinyModel => Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");

    public TestAudio()
    {
        Root = Path.Combine(Path.GetTempPath(), "genreml-mlnet-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="perGenre"/> clips of <paramref name="seconds"/> s for each genre; returns their paths in folder order.</summary>
    public List<string> AddLabelled(IEnumerable<string> genres, int perGenre, double seconds)
    {
        var paths = new List<string>();
        foreach (string genre in genres)
        {
            for (int i = 0; i < perGenre; i++)
            {
                paths.Add(AddClip(Path.Combine(genre, $"{genre}.{i:D5}.wav"), genre, i, seconds));
            }
        }

        return paths;
    }

    /// <summary>Writes one synthetic clip at <paramref name="relativePath"/>.</summary>
    public string AddClip(string relativePath, string genre, int variant, double seconds, int sampleRate = SampleRate)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WavWriter.Write(path, DemoSongSynthesizer.Render(genre, variant, seconds, sampleRate), sampleRate);
        return path;
    }

    /// <summary>Writes a file that is not audio but has an audio extension.</summary>
    public string AddBroken(string relativePath)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "this is not a wave file");
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
