using System.CommandLine;
using GenreML.Cli.Bench;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml bench …</c>: speed and accuracy measurements that print figures. Benchmarks, not tests:
/// they assert nothing and are meant to be run in Release on an otherwise idle machine.
/// </summary>
internal static class BenchCommand
{
    /// <summary>Creates the command with one sub-command per benchmark.</summary>
    public static Command Create()
    {
        var command = new Command("bench", "Measure speed (and, for training, accuracy) and print the figures; run with -c Release");
        command.Subcommands.Add(Features());
        return command;
    }

    private static Command Features()
    {
        var repetitions = new Option<int>("--repetitions") { Description = "Timed runs (the median is reported)", DefaultValueFactory = _ => 30 };
        var command = new Command("features", "Milliseconds per 30-s clip for the log-Mel front end, single-threaded, beside torchaudio 0.13 when Debian's python3-torchaudio is installed")
        {
            repetitions,
        };
        command.SetAction(parse => FeatureBench.Run(Console.Out, Math.Max(1, parse.GetValue(repetitions))));
        return command;
    }
}
