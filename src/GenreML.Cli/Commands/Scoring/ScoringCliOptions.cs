using System.CommandLine;

namespace GenreML.Cli.Commands.Scoring;

/// <summary>The options <c>evaluate</c> and <c>score</c> share.</summary>
internal static class ScoringCliOptions
{
    /// <summary><c>--model</c>: the ONNX model; default onnx/genreml-gtzan.onnx of the repository.</summary>
    public static Option<string?> Model() => new("--model")
    {
        Description = "The ONNX genre model (with its card inside). Default: onnx/genreml-gtzan.onnx, searched from the current folder and the app's folder up to the repository root.",
    };

    /// <summary><c>--threads</c>: clips decoded and featurised at once.</summary>
    public static Option<int> Threads()
    {
        var option = new Option<int>("--threads")
        {
            Description = "Clips decoded and featurised in parallel (default: 1).",
            DefaultValueFactory = _ => 1,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 256)
            {
                result.AddError("--threads must be between 1 and 256.");
            }
        });
        return option;
    }

    /// <summary>Whether to draw a progress line: only when standard output is a terminal.</summary>
    public static bool ShowProgress => !Console.IsOutputRedirected;
}
