using System.CommandLine;
using GenreML.Cli.Invocation;
using GenreML.MLNet.Library;

namespace GenreML.Cli.Commands.Scoring;

/// <summary>The options the scoring commands share.</summary>
internal static class ScoringCliOptions
{
    /// <summary><c>--model</c> of every command that reads a model: a path, or a shipped model's file name (<see cref="Models.ModelLocator"/>).</summary>
    public static Option<string?> Model() => new("--model")
    {
        Description = "The ONNX genre model (with its card inside): a path, or the name of a shipped model (genreml-gtzan.int8.onnx: the 8-bit copy, about twice as fast). "
            + "Default: onnx/genreml-gtzan.onnx, searched from the current folder and the app's folder up to the repository root.",
    };

    /// <summary>
    /// <c>--threads</c>: clips decoded and featurised, and window batches run by the network, at once
    /// (<see cref="MLNet.Scoring.GenreScoringOptions.Threads"/>). Default: the CPU count, measured fastest (1 runs
    /// everything in turn: 21 clips/s against 34 for 2 on a 2-core machine, docs/results.md "Scoring throughput").
    /// </summary>
    public static Option<int> Threads() =>
        CliOptions.WholeNumber("--threads", "Clips featurised and window batches run in parallel (default: the number of CPUs).",
            defaultValue: Math.Clamp(Environment.ProcessorCount, 1, 256), min: 1, max: 256);

    /// <summary><c>--top</c>: genres listed per file.</summary>
    public static Option<int> Top() =>
        CliOptions.WholeNumber("--top", "Genres to list per file, most probable first (default: 3).", defaultValue: 3, min: 1);

    /// <summary><c>--shard K/N</c>: score only shard K (0 … N−1) of N.</summary>
    public static Option<ShardSelector?> Shard() => new("--shard")
    {
        Description = "Score only shard K of N (K from 0 to N-1; e.g. 2/8): files are divided by a stable hash of their path relative to the folder given, so N workers cover every file exactly once.",
        CustomParser = result =>
        {
            string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            try
            {
                return ShardSelector.Parse(token);
            }
            catch (FormatException e)
            {
                result.AddError($"--shard: {e.Message}");
                return null;
            }
        },
    };

    /// <summary><c>--verbose</c>: list every skipped entry.</summary>
    public static Option<bool> Verbose() => new("--verbose") { Description = "List every entry the walk skipped and why (by default only the count per reason)." };

    /// <summary>Whether to draw a progress line: only when standard output is a terminal.</summary>
    public static bool ShowProgress => !Console.IsOutputRedirected;
}
