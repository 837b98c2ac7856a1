using System.CommandLine;

namespace GenreML.Cli.Commands;

/// <summary>
/// The <c>genreml-train</c> command tree: the commands that need TorchSharp. The slim <c>genreml</c> tool lists
/// the same names (<see cref="TrainingTool.Commands"/>) and hands them to this tool.
/// </summary>
internal static class TrainingCommandCatalog
{
    /// <summary>Creates the root command with the training sub-commands.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("GenreML training: train genre CNNs with TorchSharp, export them to ONNX, measure training. "
            + "Everything else (predict, score, evaluate, …) is in the 'genreml' tool.");
        root.Subcommands.Add(TrainCommand.Create(TrainingWiring.Create));
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(TrainingBenchCommand.Create());
        return root;
    }
}
