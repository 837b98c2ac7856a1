using GenreML.Core.Runs;
using GenreML.Core.IO;
using GenreML.Cli.Models;
using GenreML.Cli.Reporting;
using System.CommandLine;
using System.Globalization;
using GenreML.Cli.Commands.Scoring;
using GenreML.Core.Progress;
using GenreML.Inference.Cards;
using GenreML.MLNet.Data;
using GenreML.MLNet.Evaluation;
using GenreML.MLNet.Scoring;
using Microsoft.ML;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml evaluate</c>: scores a labelled folder or manifest through the ML.NET pipeline, prints the
/// metrics and the confusion matrix, and writes <c>metrics.json</c> and <c>confusion.md</c> atomically.
/// Exit code 0 when every clip was evaluated, 1 when some failed (listed), 2 when nothing could be evaluated.
/// </summary>
internal static class EvaluateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        Option<string?> model = ScoringCliOptions.Model();
        var data = new Option<string>("--data")
        {
            Description = "Labelled audio: a folder <root>/<genre>/… or a manifest CSV (path,label).",
            Required = true,
        };
        var splitFile = new Option<string?>("--split-file") { Description = "A split file, '<name> <split>' per line (GTZAN's split.txt); needs --split and a folder --data." };
        var split = new Option<string?>("--split") { Description = "The split of --split-file to evaluate, e.g. test or valid." };
        var output = new Option<string?>("--out") { Description = "Folder for metrics.json and confusion.md (default: runs/evaluate-<time>)." };
        Option<int> threads = ScoringCliOptions.Threads();
        var command = new Command("evaluate", "Evaluate a genre model on labelled audio with ML.NET: accuracy, balanced accuracy, log-loss, top-3, confusion matrix.")
        {
            model, data, splitFile, split, output, threads,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(splitFile) is null) != (result.GetValue(split) is null))
            {
                result.AddError("--split-file and --split go together.");
            }
        });
        command.SetAction(parse => Run(
            parse.GetValue(model), parse.GetValue(data)!, parse.GetValue(splitFile), parse.GetValue(split), parse.GetValue(output), parse.GetValue(threads)));
        return command;
    }

    private static int Run(string? modelPath, string data, string? splitFile, string? split, string? output, int threads)
    {
        try
        {
            var ml = new MLContext(seed: 0);
            AudioSourceView source = OpenSource(ml, data, splitFile, split);
            string folder = output ?? Path.Combine("runs", "evaluate-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
            using GenreScoringTransformer scorer = ModelLocator.Open(modelPath, path => ml.Transforms.ScoreGenres(path, threads));
            int total = source.Entries().Count();
            Console.WriteLine($"Evaluating {scorer.ModelPath} on {total} clips ({source.Description}).");
            GenreEvaluationResult result;
            using (var progress = new ConsoleProgress("evaluate", total, ScoringCliOptions.ShowProgress, Console.Out))
            {
                result = ml.MulticlassClassification.EvaluateGenres(scorer.Transform(source), topK: 3, new ProgressSink(progress));
            }

            var run = new RunFolder(folder);
            AtomicFile.WriteAllText(run.Metrics, result.ToJson());
            AtomicFile.WriteAllText(run.File(RunFolder.ConfusionMarkdownFile), EvaluationMarkdown.Report(result));
            Console.WriteLine();
            Console.Write(EvaluationMarkdown.MetricsTable(result));
            Console.WriteLine();
            Console.Write(EvaluationMarkdown.ConfusionMatrix(result));
            Console.WriteLine();
            IReadOnlyList<string> charts = EvaluationCharts.Write(result, run);
            Console.WriteLine($"Wrote {run.Metrics}, {run.File(RunFolder.ConfusionMarkdownFile)} and {string.Join(", ", charts)}.");
            return FailureReport.Print($"{result.Failures.Count} clip(s) could not be evaluated:", result.Failures.Select(f => (f.Path, f.Reason)).ToArray());
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ModelCardException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"evaluate: {e.Message}");
            return 2;
        }
    }

    private static AudioSourceView OpenSource(MLContext ml, string data, string? splitFile, string? split)
    {
        if (Directory.Exists(data))
        {
            return ml.Data.LoadFromAudioFolder(data, new AudioFolderOptions { SplitFile = splitFile, Split = split });
        }

        if (!File.Exists(data))
        {
            throw new FileNotFoundException($"--data '{data}' is neither a folder nor a manifest file.", data);
        }

        if (splitFile is not null)
        {
            throw new ArgumentException("--split-file works with a folder --data; a manifest already lists the clips to evaluate.");
        }

        return ml.Data.LoadFromAudioManifest(data);
    }

    /// <summary>Forwards evaluation progress to the console line synchronously (Progress&lt;T&gt; would post to the pool).</summary>
    private sealed class ProgressSink(ConsoleProgress progress) : IProgress<int>
    {
        public void Report(int value) => progress.Report(value);
    }
}
