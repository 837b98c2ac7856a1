using GenreML.Core.Runs;
using GenreML.Core.IO;
using GenreML.Cli.Models;
using GenreML.Cli.Reporting;
using System.CommandLine;
using System.Globalization;
using GenreML.Cli.Commands.Evaluating;
using GenreML.Cli.Commands.Scoring;
using GenreML.Cli.Invocation;
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
        var labelMap = new Option<string?>("--label-map") { Description = "A JSON object mapping folder names to model labels, e.g. {\"Hip-Hop\": \"hiphop\"} (folder names otherwise match labels case-insensitively)." };
        var strict = new Option<bool>("--strict") { Description = "Stop (exit 2) on a stray file or a folder that is not a label, instead of reporting and skipping it." };
        Option<bool> verbose = ScoringCliOptions.Verbose();
        var command = new Command("evaluate", "Evaluate a genre model on labelled audio with ML.NET: accuracy, balanced accuracy, log-loss, top-3, confusion matrix.")
        {
            model, data, splitFile, split, output, threads, labelMap, strict, verbose,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(splitFile) is null) != (result.GetValue(split) is null))
            {
                result.AddError("--split-file and --split go together.");
            }
        });
        command.SetAction(parse => Run(
            parse.GetValue(model), parse.GetValue(data)!, parse.GetValue(splitFile), parse.GetValue(split), parse.GetValue(output), parse.GetValue(threads),
            new FolderRules(LabelledFolderScan.ReadLabelMap(parse.GetValue(labelMap)), parse.GetValue(strict), parse.GetValue(verbose))));
        return command;
    }

    private static int Run(string? modelPath, string data, string? splitFile, string? split, string? output, int threads, FolderRules rules)
    {
        var ml = new MLContext(seed: 0);
        using GenreScoringTransformer scorer = ModelLocator.Open(modelPath, path => ml.Transforms.ScoreGenres(path, threads));
        try
        {
            AudioSourceView source = OpenSource(ml, data, splitFile, split, scorer.Card.Labels, rules);
            string folder = output ?? Path.Combine("runs", "evaluate-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
            var files = new EvaluationFiles(scorer.Card.Labels);
            int total = source.Entries().Count();
            Console.WriteLine($"Evaluating {scorer.ModelPath} on {total} clips ({source.Description}).");
            GenreEvaluationResult result;
            using (var progress = new ConsoleProgress("evaluate", total, ScoringCliOptions.ShowProgress, Console.Out))
            {
                result = ml.MulticlassClassification.EvaluateGenres(scorer.Transform(source), topK: 3, new ProgressSink(progress), files.Add);
            }

            var run = new RunFolder(folder);
            AtomicFile.WriteAllText(run.Metrics, result.ToJson());
            AtomicFile.WriteAllText(run.File(RunFolder.ConfusionMarkdownFile), files.ConfusionMarkdown(result));
            AtomicFile.WriteAllText(run.File(PredictionsFile), files.PredictionsCsv);
            Console.WriteLine();
            Console.Write(EvaluationMarkdown.MetricsTable(result));
            Console.WriteLine();
            Console.Write(EvaluationMarkdown.ConfusionMatrix(result));
            Console.WriteLine();
            IReadOnlyList<string> charts = EvaluationCharts.Write(result, run);
            Console.WriteLine($"Wrote {run.Metrics}, {run.File(RunFolder.ConfusionMarkdownFile)}, {run.File(PredictionsFile)} and {string.Join(", ", charts)}.");
            return FailureReport.Print($"{result.Failures.Count} clip(s) could not be evaluated:", result.Failures.Select(f => (f.Path, f.Reason)).ToArray());
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ModelCardException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"evaluate: {e.Message}");
            return 2;
        }
    }

    private static AudioSourceView OpenSource(MLContext ml, string data, string? splitFile, string? split, IReadOnlyList<string> labels, FolderRules rules)
    {
        if (Directory.Exists(data) && splitFile is not null)
        {
            return ml.Data.LoadFromAudioFolder(data, new AudioFolderOptions { SplitFile = splitFile, Split = split });
        }

        if (Directory.Exists(data))
        {
            LabelledFolderScan scan = LabelledFolderScan.Run(Path.GetFullPath(data), labels, rules.LabelMap);
            SkipSummary.Print(scan.Walker, rules.Verbose);
            if (scan.Skipped.Count > 0 && rules.Strict)
            {
                throw new UsageException($"--strict: {scan.Skipped[0].Path}: {scan.Skipped[0].Reason}{(scan.Skipped.Count > 1 ? $" (and {scan.Skipped.Count - 1} more)" : "")}.");
            }

            if (scan.Skipped.Count > 0)
            {
                Console.Error.WriteLine($"Skipped {scan.Skipped.Count} file(s) outside the model's genre folders{(rules.Verbose ? ":" : $", e.g. {scan.Skipped[0].Path}: {scan.Skipped[0].Reason} (--verbose lists them).")}");
                foreach ((string path, string reason) in rules.Verbose ? scan.Skipped : [])
                {
                    Console.Error.WriteLine($"  {path}: {reason}");
                }
            }

            if (scan.Clips.Count == 0)
            {
                throw new UsageException($"--data '{data}' has no audio in folders named after the model's labels ({string.Join(", ", labels)}).");
            }

            return ml.Data.LoadFromAudioEntries(scan.Clips, labelled: true, $"folder {Path.GetFullPath(data)}");
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

    /// <summary>The per-file predictions written beside metrics.json.</summary>
    private const string PredictionsFile = "predictions.csv";

    /// <summary>How a labelled folder is read: folder name → label map, stop on strays, list skips.</summary>
    private sealed record FolderRules(IReadOnlyDictionary<string, string> LabelMap, bool Strict, bool Verbose);

    /// <summary>Forwards evaluation progress to the console line synchronously (Progress&lt;T&gt; would post to the pool).</summary>
    private sealed class ProgressSink(ConsoleProgress progress) : IProgress<int>
    {
        public void Report(int value) => progress.Report(value);
    }
}
