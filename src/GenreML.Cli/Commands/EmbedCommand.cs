using System.CommandLine;
using GenreML.Cli.Commands.Scoring;
using System.Text.Json;
using GenreML.Core.IO;
using GenreML.Cli.Models;
using GenreML.Inference;
using GenreML.Inference.Cards;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml embed</c>: one clip embedding per file (the mean over the clip's windows of the model's
/// <c>embedding</c> output) as JSON lines <c>{"path":…,"embedding":[…]}</c>, or <c>{"path":…,"error":…}</c> for a
/// file that cannot be read (the rest go on). Exit codes: 0 all embedded, 1 some failed, 2 nothing could run.
/// </summary>
internal static class EmbedCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Audio files", Arity = ArgumentArity.OneOrMore };
        Option<string?> model = ScoringCliOptions.Model();
        var output = new Option<string>("--out") { Description = "The JSON-lines file to write", Required = true };
        var command = new Command("embed", "Write each file's clip embedding (the network's pooled features, mean of its windows) as JSON lines") { files, model, output };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse.GetValue(files)!, parse.GetValue(model), parse.GetValue(output)!, cancel)));
        return command;
    }

    private static int Run(string[] files, string? modelOption, string outPath, CancellationToken cancel)
    {
        GenreClassifier classifier;
        try
        {
            classifier = GenreClassifier.Open(ModelLocator.Resolve(modelOption));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ModelCardException)
        {
            Console.Error.WriteLine($"embed: {e.Message}");
            return 2;
        }

        using (classifier)
        {
            if (classifier.EmbeddingWidth is null)
            {
                Console.Error.WriteLine($"embed: {classifier.Source} has no '{classifier.Card.EmbeddingOutput}' output; export it again with this version of GenreML");
                return 2;
            }

            int failed = 0;
            AtomicFile.WriteText(outPath, writer =>
            {
                foreach (string file in files)
                {
                    cancel.ThrowIfCancellationRequested();
                    try
                    {
                        writer.WriteLine(JsonSerializer.Serialize(new { path = file, embedding = classifier.Embed(file, cancel) }));
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        failed++;
                        Console.Error.WriteLine($"embed: {e.Message}");
                        writer.WriteLine(JsonSerializer.Serialize(new { path = file, error = e.Message }));
                    }
                }
            });
            Console.WriteLine($"wrote {files.Length - failed} embeddings of {classifier.EmbeddingWidth} values to {outPath}" + (failed > 0 ? $"; {failed} file(s) failed" : ""));
            return failed > 0 ? 1 : 0;
        }
    }
}
