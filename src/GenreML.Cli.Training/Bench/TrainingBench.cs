using System.Diagnostics;
using System.Globalization;
using System.Text;
using GenreML.Core.IO;
using GenreML.Core.Runs;
using GenreML.Cli.Commands;
using GenreML.Core.Evaluation;
using GenreML.Training.Engine;
using GenreML.Training.Runs;

namespace GenreML.Cli.Bench;

/// <summary>
/// <c>genreml bench training</c>: the accuracy protocol. With a split file it runs two-fold cross-validation
/// (train → valid, then valid → train) and reports each fold and their mean; without one, a seeded
/// stratified 70/15/15 split evaluated on its test part. Figures: clip accuracy, balanced accuracy,
/// macro F1, per-class recall with the number of clips it rests on, epochs and wall time. Also written
/// to <c>summary.md</c> in the output folder. In cross-validation the kept epoch is chosen on the very clips it
/// is scored on, which flatters it; the last epoch's accuracy and balanced accuracy are printed beside it
/// as the unbiased figures (a final model trained with <c>--merge-valid</c> keeps its last epoch too).
/// </summary>
internal static class TrainingBench
{
    /// <summary>Runs the protocol; returns the process exit code.</summary>
    public static int Run(string data, string? splitFile, TrainingOptions options, string outputFolder, TextWriter output, CancellationToken cancel)
    {
        var results = RunFolds(data, splitFile, options, outputFolder, output, cancel);
        string summary = Summarise(options, data, splitFile, results);
        output.WriteLine();
        output.Write(summary);
        AtomicFile.WriteAllText(Path.Combine(outputFolder, "summary.md"), summary);
        return 0;
    }

    /// <summary>Trains and scores each fold of the protocol (two with a split file, else one) with <paramref name="options"/>.</summary>
    internal static IReadOnlyList<FoldResult> RunFolds(string data, string? splitFile, TrainingOptions options, string outputFolder, TextWriter output, CancellationToken cancel)
    {
        var folds = splitFile is null
            ? new[] { ("random 70/15/15", false) }
            : new[] { ("fold 1: train → valid", false), ("fold 2: valid → train", true) };
        var results = new List<FoldResult>();
        for (int i = 0; i < folds.Length; i++)
        {
            var (name, swap) = folds[i];
            output.WriteLine($"== {name}");
            string folder = Path.Combine(outputFolder, $"fold{i + 1}");
            if (FinishedRun(folder, options) is { } finished)
            {
                output.WriteLine($"reusing the finished run in {folder} (same options)");
                results.Add(new FoldResult(name, finished, finished.Epochs.Sum(e => e.Seconds)));
                continue;
            }

            var clock = Stopwatch.StartNew();
            var request = new TrainingRequest
            {
                DataPath = data,
                OutputDirectory = folder,
                Options = options,
                SplitFile = splitFile,
                SwapTrainValid = swap,
                CommandLine = "genreml bench training",
            };
            TrainingRunResult run = new TrainingRun(TrainingWiring.Create(), output).Run(request, cancel);
            if (run.Metrics.Test is null && run.Metrics.Valid is null) throw new InvalidOperationException($"{name}: the run evaluated no clips");
            results.Add(new FoldResult(name, run.Metrics, clock.Elapsed.TotalSeconds));
        }

        return results;
    }

    /// <summary>
    /// The metrics of a run already finished in <paramref name="folder"/> with exactly <paramref name="options"/>
    /// (e.g. by a killed bench, or by <c>train</c> runs of the folds started in parallel), else null.
    /// </summary>
    private static RunMetrics? FinishedRun(string folder, TrainingOptions options)
    {
        string metrics = Path.Combine(folder, "metrics.json"), saved = Path.Combine(folder, RunFolder.OptionsFile);
        if (!File.Exists(metrics) || !File.Exists(saved)) return null;
        if (TrainingOptions.FromJson(File.ReadAllText(saved), saved) != options) return null;
        return RunMetrics.FromJson(File.ReadAllText(metrics), metrics);
    }

    /// <summary>The markdown summary of one protocol run.</summary>
    internal static string Summarise(TrainingOptions options, string data, string? splitFile, IReadOnlyList<FoldResult> results)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"# Training benchmark: {options.Architecture}, balance {options.Balance}, width {options.Width}, head {options.Head}, weight average {options.WeightAverageDecay}, augmented variants {options.AugmentVariants}, seed {options.Seed}{(options.KeepLastEpoch ? ", last epoch kept" : "")}");
        text.AppendLine(inv, $"data {data}; {(splitFile is null ? "stratified 70/15/15 split (test part)" : $"two-fold cross-validation on {splitFile}")}");
        text.AppendLine();
        bool crossValidation = splitFile is not null;
        string lastHeader = crossValidation ? " last epoch: accuracy | balanced accuracy |" : "";
        text.AppendLine($"| run | clips | kept epoch: accuracy | balanced accuracy | macro F1 |{lastHeader} epochs (kept) | seconds |");
        text.AppendLine("|---|---|---|---|---|" + (crossValidation ? "---|---|" : "") + "---|---|");
        foreach (FoldResult r in results)
        {
            string lastCells = crossValidation ? string.Create(inv, $" {r.Last.ValidAccuracy:P1} | {r.Last.ValidBalancedAccuracy:P1} |") : "";
            text.AppendLine(inv, $"| {r.Name} | {r.Report.Clips} | {r.Report.ClipAccuracy:P1} | {r.Report.BalancedAccuracy:P1} | {r.Report.MacroF1:P1} |{lastCells} {r.Metrics.Epochs.Count} ({r.Metrics.BestEpoch}) | {r.Seconds:F0} |");
        }

        if (results.Count > 1)
        {
            string lastCells = crossValidation ? string.Create(inv, $" {results.Average(r => r.Last.ValidAccuracy):P1} | {results.Average(r => r.Last.ValidBalancedAccuracy):P1} |") : "";
            text.AppendLine(inv, $"| **mean** | {results.Sum(r => r.Report.Clips)} | {results.Average(r => r.Report.ClipAccuracy):P1} | {results.Average(r => r.Report.BalancedAccuracy):P1} | {results.Average(r => r.Report.MacroF1):P1} |{lastCells} | {results.Sum(r => r.Seconds):F0} |");
        }

        if (crossValidation)
        {
            text.AppendLine();
            text.AppendLine("The kept epoch is chosen on the clips it is scored on (optimistic); the last epoch is not.");
        }

        text.AppendLine();
        text.AppendLine("Per-class recall (clips it rests on):");
        text.AppendLine();
        text.AppendLine("| class | " + string.Join(" | ", results.Select(r => r.Name)) + " |");
        text.AppendLine("|---|" + string.Concat(results.Select(_ => "---|")));
        foreach (string label in results[0].Report.PerClass.Select(c => c.Label))
        {
            IEnumerable<string> cells = results.Select(r =>
            {
                ClassMetrics c = r.Report.PerClass.First(p => p.Label == label);
                return c.Support == 0 ? "– (0)" : string.Create(inv, $"{c.Recall:P0} ({c.Support})");
            });
            text.AppendLine($"| {label} | {string.Join(" | ", cells)} |");
        }

        return text.ToString();
    }

    /// <summary>One fold's run: its metrics and wall time; the scored part is the test part when there is one, else valid.</summary>
    internal sealed record FoldResult(string Name, RunMetrics Metrics, double Seconds)
    {
        public EvaluationReport Report => Metrics.Test ?? Metrics.Valid!;

        public EpochRecord Last => Metrics.Epochs[^1];
    }
}
