using System.CommandLine;
using GenreML.Audio.Synthesis;
using GenreML.Core.Progress;

namespace GenreML.Cli.Commands;

/// <summary><c>genreml demo-data</c>: writes the synthetic ten-genre demo set.</summary>
internal static class DemoDataCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write <genre>/<genre>.NNNNN.wav into", Required = true };
        var clips = new Option<int>("--clips-per-genre")
        {
            Description = "Clips per genre",
            DefaultValueFactory = _ => DemoDatasetWriter.DefaultClipsPerGenre,
        };
        var seconds = new Option<double>("--seconds") { Description = "Length of each clip in seconds", DefaultValueFactory = _ => DemoDatasetWriter.DefaultSeconds };
        var command = new Command("demo-data", "Write a small deterministic synthetic data set in the GTZAN layout (ten genres differing in tempo, rhythm and timbre)")
        {
            output, clips, seconds,
        };
        command.SetAction(parse =>
        {
            DirectoryInfo root = parse.GetValue(output)!;
            int perGenre = parse.GetValue(clips);
            if (perGenre <= 0 || parse.GetValue(seconds) <= 0)
            {
                Console.Error.WriteLine("error: --clips-per-genre and --seconds must be positive");
                return 2;
            }

            using var progress = new ConsoleProgress("demo-data", perGenre * DemoSongSynthesizer.Genres.Count);
            IReadOnlyList<string> files = DemoDatasetWriter.Write(root.FullName, perGenre, parse.GetValue(seconds), _ => progress.Increment());
            progress.Dispose();
            Console.WriteLine($"wrote {files.Count} clips ({perGenre} per genre) to {root.FullName}");
            return 0;
        });
        return command;
    }
}
