using GenreML.Core.IO;
using GenreML.Audio.Synthesis;
using GenreML.Core.Progress;

namespace GenreML.Cli.Commands;

/// <summary>The built-in demo set that commands fall back to when no data path is given.</summary>
internal static class DemoData
{
    /// <summary>Epochs a training run on the demo set uses unless told otherwise: the synthetic genres are learnt in about ten.</summary>
    public const int Epochs = 12;

    /// <summary>Width of the default network on the demo set unless told otherwise: its synthetic genres need no more, and the quick start stays short.</summary>
    public const int Width = 16;

    /// <summary>
    /// Where the demo set lives: <c>$XDG_CACHE_HOME/genreml/demo-data</c>, else <c>~/.cache/genreml/demo-data</c>.
    /// </summary>
    public static string DefaultFolder => UserCache.Folder("demo-data");

    /// <summary>Renders the demo set into <see cref="DefaultFolder"/> where files are missing and returns the folder.</summary>
    public static string EnsureWritten()
    {
        string folder = DefaultFolder;
        Console.WriteLine($"no --data given: using the synthetic demo set in {folder}");
        int total = DemoDatasetWriter.DefaultClipsPerGenre * DemoSongSynthesizer.Genres.Count;
        using var progress = new ConsoleProgress("demo-data", total);
        DemoDatasetWriter.Write(folder, onFileWritten: _ => progress.Increment());
        return folder;
    }
}
