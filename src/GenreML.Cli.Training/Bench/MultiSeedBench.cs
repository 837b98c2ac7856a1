using System.Globalization;
using System.Text;
using GenreML.Core.IO;
using GenreML.Core.Evaluation;
using GenreML.Inference.Results;
using GenreML.Training.Engine;
using GenreML.Training.Runs;

namespace GenreML.Cli.Bench;

/// <summary>
/// <c>genreml bench training --seeds N</c>: the protocol of <see cref="TrainingBench"/> (two-fold cross-validation
/// with a split file) repeated with seeds <c>seed … seed+N−1</c>, every run keeping its last epoch (no epoch chosen
/// on the scored clips). Prints each seed's two-fold mean and, over seeds, the mean ± standard deviation and the
/// range of accuracy, balanced accuracy, macro F1 and log-loss — a change is worth adopting only when it beats that
/// spread. Also scores the seeds' ensemble (probabilities averaged per clip) and, when the runs augment, the
/// prediction-time augmentation. Each seed's folder keeps its own <c>summary.md</c>; the whole table goes to
/// <c>summary.md</c> in the output folder.
/// </summary>
internal static class MultiSeedBench
{
    /// <summary>Runs the protocol for <paramref name="seeds"/> seeds; returns the process exit code.</summary>
    public static int Run(string data, string? splitFile, TrainingOptions options, int seeds, string outputFolder, TextWriter output, CancellationToken cancel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 2);
        var perSeed = new List<(int Seed, IReadOnlyList<TrainingBench.FoldResult> Folds)>();
        for (int k = 0; k < seeds; k++)
        {
            var seedOptions = options with { Seed = options.Seed + k, KeepLastEpoch = true, EarlyStoppingPatience = 0 };
            output.WriteLine($"=== seed {seedOptions.Seed} ({k + 1} of {seeds})");
            string folder = Path.Combine(outputFolder, $"seed{seedOptions.Seed}");
            var folds = TrainingBench.RunFolds(data, splitFile, seedOptions, folder, output, cancel);
            AtomicFile.WriteAllText(Path.Combine(folder, "summary.md"), TrainingBench.Summarise(seedOptions, data, splitFile, folds));
            perSeed.Add((seedOptions.Seed, folds));
        }

        string summary = Summarise(options, data, splitFile, perSeed);
        output.WriteLine();
        output.Write(summary);
        AtomicFile.WriteAllText(Path.Combine(outputFolder, "summary.md"), summary);
        return 0;
    }

    private static string Summarise(TrainingOptions options, string data, string? splitFile, List<(int Seed, IReadOnlyList<TrainingBench.FoldResult> Folds)> perSeed)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var first = perSeed[0].Folds;
        int clips = first.Sum(f => f.Report.Clips);
        text.AppendLine(inv, $"# Multi-seed training benchmark: {options.Architecture}, width {options.Width}, augmented variants {options.AugmentVariants}, {options.Epochs} epochs, last epoch kept, seeds {perSeed[0].Seed}–{perSeed[^1].Seed}");
        text.AppendLine(inv, $"data {data}; {(splitFile is null ? "stratified 70/15/15 split (test part)" : $"two-fold cross-validation on {splitFile}")}; {clips} clips scored per seed ({string.Join(" + ", first.Select(f => f.Report.Clips))})");
        text.AppendLine();
        text.AppendLine("| seed | accuracy | balanced accuracy | macro F1 | log-loss | minutes |");
        text.AppendLine("|---|---|---|---|---|---|");
        var rows = perSeed.Select(s => (s.Seed, Figures: Mean(s.Folds.Select(f => Figures.Of(f.Report))), Minutes: s.Folds.Sum(f => f.Seconds) / 60)).ToList();
        foreach (var (seed, f, minutes) in rows)
            text.AppendLine(inv, $"| {seed} | {f.Accuracy:P1} | {f.Balanced:P1} | {f.MacroF1:P1} | {f.LogLoss:F3} | {minutes:F1} |");
        text.AppendLine(inv, $"| **mean ± sd** ({rows.Count} seeds) | {Spread(rows.Select(r => r.Figures.Accuracy), true)} | {Spread(rows.Select(r => r.Figures.Balanced), true)} | {Spread(rows.Select(r => r.Figures.MacroF1), true)} | {Spread(rows.Select(r => r.Figures.LogLoss), false)} | {rows.Sum(r => r.Minutes):F1} |");

        var labels = first[0].Metrics.Labels;
        var ensemble = Mean(Enumerable.Range(0, first.Count).Select(fold => Figures.Of(labels, perSeed.Select(s => s.Folds[fold].Report))));
        text.AppendLine(inv, $"| ensemble of the {perSeed.Count} seeds | {ensemble.Accuracy:P1} | {ensemble.Balanced:P1} | {ensemble.MacroF1:P1} | {ensemble.LogLoss:F3} | |");

        if (perSeed.All(s => s.Folds.All(f => f.Metrics.ValidAugmented is not null)))
        {
            var augmented = perSeed.Select(s => Mean(s.Folds.Select(f => Figures.Of(f.Metrics.ValidAugmented!)))).ToList();
            text.AppendLine(inv, $"| prediction-time augmentation, mean ± sd | {Spread(augmented.Select(a => a.Accuracy), true)} | {Spread(augmented.Select(a => a.Balanced), true)} | {Spread(augmented.Select(a => a.MacroF1), true)} | {Spread(augmented.Select(a => a.LogLoss), false)} | |");
            var both = Mean(Enumerable.Range(0, first.Count).Select(fold => Figures.Of(labels, perSeed.Select(s => s.Folds[fold].Metrics.ValidAugmented!))));
            text.AppendLine(inv, $"| ensemble + prediction-time augmentation | {both.Accuracy:P1} | {both.Balanced:P1} | {both.MacroF1:P1} | {both.LogLoss:F3} | |");
        }

        text.AppendLine();
        text.AppendLine("Each figure is the mean of the folds; mean ± sd is over seeds (sample standard deviation), range in brackets.");
        return text.ToString();
    }

    private static string Spread(IEnumerable<double> values, bool percent)
    {
        var v = values.ToArray();
        double mean = v.Average();
        double sd = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
        return percent
            ? string.Create(CultureInfo.InvariantCulture, $"{100 * mean:F1} ± {100 * sd:F1} % [{100 * v.Min():F1}–{100 * v.Max():F1}]")
            : string.Create(CultureInfo.InvariantCulture, $"{mean:F3} ± {sd:F3} [{v.Min():F3}–{v.Max():F3}]");
    }

    private static Figures Mean(IEnumerable<Figures> folds)
    {
        var f = folds.ToArray();
        return new Figures(f.Average(x => x.Accuracy), f.Average(x => x.Balanced), f.Average(x => x.MacroF1), f.Average(x => x.LogLoss));
    }

    /// <summary>Clip-level figures of one scored part.</summary>
    private sealed record Figures(double Accuracy, double Balanced, double MacroF1, double LogLoss)
    {
        public static Figures Of(EvaluationReport r) => new(r.ClipAccuracy, r.BalancedAccuracy, r.MacroF1, r.LogLoss ?? double.NaN);

        /// <summary>The figures of the reports' probabilities averaged per clip (the same clips, matched by path).</summary>
        public static Figures Of(IReadOnlyList<string> labels, IEnumerable<EvaluationReport> reports)
        {
            var all = reports.ToArray();
            var clips = all[0].Predictions;
            var truth = new int[clips.Count];
            var predicted = new int[clips.Count];
            var probabilities = new IReadOnlyList<float>[clips.Count];
            for (int c = 0; c < clips.Count; c++)
            {
                string path = clips[c].Path;
                var mean = labels.Select(l => (float)all.Average(r => r.Predictions.First(p => p.Path == path).Probabilities[l])).ToArray();
                truth[c] = labels.ToList().IndexOf(clips[c].Label);
                predicted[c] = ClipAggregation.ArgMax(mean);
                probabilities[c] = mean;
            }

            var m = ClassificationMetrics.Compute(labels, truth, predicted, probabilities);
            return new Figures(m.Accuracy, m.BalancedAccuracy, m.MacroF1, m.LogLoss ?? double.NaN);
        }
    }
}
