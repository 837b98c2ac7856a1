using System.CommandLine;
using GenreML.Core.IO;
using GenreML.Cli.Heads;
using GenreML.Cli.Invocation;
using GenreML.Cli.Models;
using GenreML.Inference;
using GenreML.Inference.Cards;
using GenreML.MLNet.Heads;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml train-head</c>: learns the user's own labels from <c>&lt;root&gt;/&lt;label&gt;/&lt;files&gt;</c> in minutes — a
/// linear ML.NET head on the base model's clip embeddings (cached), cross-validated, written as one ONNX file that
/// every GenreML consumer reads. Exit codes (<see cref="ExitCodes"/>): 0 trained; 1 trained, but some files could not be read
/// (each listed, then a one-line count); 2 nothing trained (bad options, data or base model): one line.
/// </summary>
internal static class TrainHeadCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Labelled audio: <root>/<label>/<files>, at least two labels with at least two clips each", Required = true };
        var baseModel = new Option<string?>("--base") { Description = "The base model whose embeddings the head reads (default: the shipped onnx/genreml-gtzan.onnx)" };
        var output = new Option<string>("--out") { Description = "Output folder: model.onnx, card.json, report.md", Required = true };
        var groups = new Option<string?>("--groups") { Description = "CSV 'file,group' (e.g. the artist): clips of one group stay in one cross-validation fold" };
        var folds = CliOptions.WholeNumber("--folds", "Cross-validation folds", 5, min: 2);
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Embedding cache folder (default ~/.cache/genreml/embeddings)" };
        var noCache = new Option<bool>("--no-cache") { Description = "Do not read or write the embedding cache" };
        var command = new Command("train-head", "Learn your own labels: an ML.NET classifier on the base model's embeddings, written as one ONNX model")
        {
            data, baseModel, output, groups, folds, cacheDir, noCache,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(
            parse.GetValue(data)!, parse.GetValue(baseModel), parse.GetValue(output)!, parse.GetValue(groups), parse.GetValue(folds),
            parse.GetValue(noCache) ? null : parse.GetValue(cacheDir) ?? EmbeddingCache.DefaultFolder, cancel)));
        return command;
    }

    private static int Run(string dataRoot, string? baseOption, string outDir, string? groupsFile, int folds, string? cacheFolder, CancellationToken cancel)
    {
        using var classifier = ModelLocator.Open(baseOption, path => GenreClassifier.Open(path));
        string basePath = classifier.Source;
        try
        {
            IReadOnlyList<LabelledClip> clips = LabelledFolder.Scan(dataRoot, groupsFile);
            var cache = cacheFolder is null ? null : EmbeddingCache.Open(cacheFolder, basePath);
            Console.WriteLine($"embedding {clips.Count} clips with {basePath}");
            EmbeddedClips embedded = ClipEmbedder.Embed(classifier, clips, cache, cancellationToken: cancel);
            foreach (var failure in embedded.Failures)
            {
                Console.Error.WriteLine($"skipped: {failure.Reason}");
            }

            float l2 = HeadTrainer.ChooseL2(embedded, folds);
            HeadCrossValidation? cv = HeadTrainer.CrossValidate(embedded, grouped: groupsFile is not null, folds, l2: l2);
            LinearHead head = HeadTrainer.Train(embedded, l2);
            Directory.CreateDirectory(outDir);
            string modelPath = Path.Combine(outDir, "model.onnx");
            ModelCard card = HeadModelFile.Write(basePath, classifier.Card, head, embedded, cv, dataRoot, modelPath);
            AtomicFile.WriteAllText(Path.Combine(outDir, "card.json"), card.ToJson());
            string report = HeadReport.Markdown(embedded, head.Labels, cv);
            AtomicFile.WriteAllText(Path.Combine(outDir, "report.md"), "# Head on " + Path.GetFileName(basePath) + "\n\n" + report);
            Console.WriteLine(report);
            Console.WriteLine($"wrote {modelPath} ({head.Labels.Count} labels: {string.Join(", ", head.Labels)})");
            return ExitCodes.AfterSkipping("train-head", embedded.Failures.Count, "listed above");
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or ModelCardException or UnauthorizedAccessException or ArgumentException)
        {
            throw new UsageException(e.Message, e);
        }
    }
}
