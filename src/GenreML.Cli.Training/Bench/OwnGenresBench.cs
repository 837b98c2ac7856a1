using System.Globalization;
using System.Text;
using GenreML.Core.IO;
using GenreML.Core.Runs;
using GenreML.Cli.Commands;
using GenreML.Cli.Heads;
using GenreML.Inference;
using GenreML.Core.Evaluation;
using GenreML.MLNet.Data;
using GenreML.MLNet.Heads;
using GenreML.Training.Engine;
using GenreML.Training.Runs;

namespace GenreML.Cli.Bench;

/// <summary>
/// <c>bench own-genres</c>: how well new genres are learnt from a few clips on top of a base network that never
/// heard them. The new genres' clips come from a split file with artist-disjoint parts: for each genre the larger
/// part is the pool the k training clips are drawn from (seeded, nested: the k = 5 clips are among the k = 10 ones),
/// the other part is the test set, so no artist is in both. Per k: the ML.NET head on the base's embeddings, fine-tuning
/// the base (<c>train --init</c>), and training from scratch; accuracy and balanced accuracy on the same test clips.
/// </summary>
internal static class OwnGenresBench
{
    /// <summary>The methods compared.</summary>
    public static readonly IReadOnlyList<string> Methods = ["head", "finetune", "scratch"];

    public static int Run(string dataRoot, string splitFile, string baseRun, IReadOnlyList<string> genres, IReadOnlyList<int> shots,
        int epochs, IReadOnlyList<string> methods, string outDir, TextWriter log, CancellationToken cancel)
    {
        Directory.CreateDirectory(outDir);
        var (pools, tests) = Draw(dataRoot, splitFile, genres);
        log.WriteLine("new genres (pool part → test part, clips): " + string.Join("; ", genres.Select(g => $"{g} {pools[g].Count} → {tests[g].Count}")));
        string baseModel = Path.Combine(baseRun, RunFolder.ModelFile);
        using GenreClassifier? baseClassifier = methods.Contains("head") ? GenreClassifier.Open(baseModel) : null;
        var testClips = genres.SelectMany(g => tests[g]).ToList();
        var rows = new List<string>();
        string table = Path.Combine(outDir, $"own-genres-{string.Join('-', methods)}.md");
        foreach (int k in shots)
        {
            var train = genres.SelectMany(g => pools[g].Take(k)).ToList();
            string counts = string.Join(", ", genres.Select(g => $"{g} {Math.Min(k, pools[g].Count)}"));
            string kDir = Path.Combine(outDir, $"k{k}");
            Directory.CreateDirectory(kDir);
            foreach (string method in methods)
            {
                cancel.ThrowIfCancellationRequested();
                log.WriteLine($"k = {k} ({counts}), {method} …");
                var started = DateTime.UtcNow;
                Score metrics = method == "head"
                    ? Head(baseClassifier!, baseModel, train, testClips, dataRoot, kDir, cancel)
                    : Trained(baseRun, train, testClips, kDir, method, epochs, log, cancel);
                double minutes = (DateTime.UtcNow - started).TotalMinutes;
                string row = string.Create(CultureInfo.InvariantCulture,
                    $"| {k} | {counts} | {metrics.Clips} | {method} | {metrics.Accuracy:P1} | {metrics.BalancedAccuracy:P1} | {minutes:0.0} |");
                rows.Add(row);
                log.WriteLine(row);
                var text = new StringBuilder();
                text.AppendLine(CultureInfo.InvariantCulture, $"base: {baseRun}; test clips: {string.Join(", ", genres.Select(g => $"{g} {tests[g].Count}"))}; epochs (fine-tune, scratch): {epochs}");
                text.AppendLine();
                text.AppendLine("| k | training clips per genre | test clips | method | accuracy | balanced accuracy | minutes |");
                text.AppendLine("|---:|---|---:|---|---:|---:|---:|");
                rows.ForEach(r => text.AppendLine(r));
                AtomicFile.WriteAllText(table, text.ToString());
            }
        }

        log.WriteLine($"wrote {table}");
        return 0;
    }

    private static Score Head(GenreClassifier baseClassifier, string baseModel, List<LabelledClip> train, List<LabelledClip> test, string dataRoot, string kDir, CancellationToken cancel)
    {
        var cache = EmbeddingCache.Open(EmbeddingCache.DefaultFolder, baseModel);
        EmbeddedClips embedded = ClipEmbedder.Embed(baseClassifier, train, cache, cancellationToken: cancel);
        LinearHead head = HeadTrainer.Train(embedded);
        string model = Path.Combine(kDir, "head.onnx");
        HeadModelFile.Write(baseModel, baseClassifier.Card, head, embedded, cv: null, dataRoot, model);
        using var classifier = GenreClassifier.Open(model);
        var truth = new List<int>();
        var predicted = new List<int>();
        foreach (var outcome in classifier.ClassifyMany(test.Select(c => c.Path), cancellationToken: cancel).Zip(test))
        {
            if (outcome.First.Prediction is { } prediction)
            {
                truth.Add(IndexOf(head.Labels, outcome.Second.Label));
                predicted.Add(IndexOf(head.Labels, prediction.Genre));
            }
        }

        var metrics = ClassificationMetrics.Compute(head.Labels, truth, predicted);
        return new Score(metrics.Accuracy, metrics.BalancedAccuracy, metrics.Count);
    }

    private static Score Trained(string baseRun, List<LabelledClip> train, List<LabelledClip> test, string kDir, string method, int epochs, TextWriter log, CancellationToken cancel)
    {
        string manifest = Path.Combine(kDir, "data.csv");
        string split = Path.Combine(kDir, "split.txt");
        AtomicFile.WriteAllText(manifest, string.Concat(train.Concat(test).Select(c => $"{c.Path},{c.Label}\n")));
        AtomicFile.WriteAllText(split, string.Concat(train.Select(c => $"{Path.GetFileNameWithoutExtension(c.Path)} train\n")
            .Concat(test.Select(c => $"{Path.GetFileNameWithoutExtension(c.Path)} test\n"))));
        var request = new TrainingRequest
        {
            DataPath = manifest,
            SplitFile = split,
            MergeValidIntoTrain = true,
            OutputDirectory = Path.Combine(kDir, method),
            Options = TrainingOptions.DefaultPreset with { Epochs = epochs },
            InitFrom = method == "finetune" ? baseRun : null,
            CommandLine = $"bench own-genres ({method})",
        };
        var result = new TrainingRun(TrainingWiring.Create(), log, progress: null).Run(request, cancel);
        var report = result.Metrics.Test ?? throw new InvalidOperationException($"{method}: the run evaluated no test clips");
        return new Score(report.ClipAccuracy, report.BalancedAccuracy, report.Clips);
    }

    private sealed record Score(double Accuracy, double BalancedAccuracy, int Clips);

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (int i = 0; i < labels.Count; i++)
        {
            if (labels[i] == label)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"label '{label}' is not among {string.Join(", ", labels)}");
    }

    private static (Dictionary<string, List<LabelledClip>> Pools, Dictionary<string, List<LabelledClip>> Tests) Draw(string dataRoot, string splitFile, IReadOnlyList<string> genres)
    {
        var parts = File.ReadLines(splitFile).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var extensions = new HashSet<string>(AudioFolderOptions.DefaultExtensions, StringComparer.OrdinalIgnoreCase);
        var pools = new Dictionary<string, List<LabelledClip>>();
        var tests = new Dictionary<string, List<LabelledClip>>();
        foreach (string genre in genres)
        {
            string folder = Path.Combine(dataRoot, genre);
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"{folder}: no folder for the new genre '{genre}'");
            }

            var byPart = Directory.GetFiles(folder).Where(f => extensions.Contains(Path.GetExtension(f))).Order(StringComparer.Ordinal)
                .Where(f => parts.ContainsKey(Path.GetFileNameWithoutExtension(f)))
                .GroupBy(f => parts[Path.GetFileNameWithoutExtension(f)])
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            if (byPart.Count < 2)
            {
                throw new InvalidDataException($"{genre}: the split file {splitFile} puts its clips in {byPart.Count} part(s); the bench needs one part to learn from and another to test on");
            }

            var random = new Random(1);
            pools[genre] = byPart[0].OrderBy(_ => random.Next()).Select(f => new LabelledClip(f, genre, f)).ToList();
            tests[genre] = byPart[1].Select(f => new LabelledClip(f, genre, f)).ToList();
        }

        return (pools, tests);
    }
}
