using System.CommandLine;

namespace GenreML.Cli.Commands;

/// <summary>The <c>genreml</c> command tree: every sub-command, in the order <c>--help</c> lists them.</summary>
internal static class CommandCatalog
{
    /// <summary>Creates the root command with all sub-commands.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("GenreML: tells the musical genre of a song (GTZAN's ten genres).");
        foreach (Command command in All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static IEnumerable<Command> All()
    {
        yield return TrainingTool.Listing("train", "Train a genre classifier on labelled audio and write a run folder");
        yield return TrainHeadCommand.Create();
        yield return DemoDataCommand.Create();
        yield return EvaluateCommand.Create();
        yield return ScoreCommand.Create();
        yield return PredictCommand.Create();
        yield return EmbedCommand.Create();
        yield return CalibrateCommand.Create();
        yield return QuantizeCommand.Create();
        yield return TagCommand.Create();
        yield return TrainingTool.Listing("export", "Export a trained network to ONNX with its model card");
        yield return InspectCommand.Create();
        yield return ReportCommand.Create();
        yield return BenchCommand.Create();
    }
}
