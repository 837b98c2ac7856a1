using GenreML.Core.Runs;
using GenreML.Core.Progress;
using GenreML.Core.IO;
using GenreML.Audio.Features;
using System.Globalization;
using GenreML.Inference.Cards;
using GenreML.Training.Data;
using GenreML.Training.Engine;
using GenreML.Training.Features;
using GenreML.Training.Models;
using GenreML.Training.Splits;
using static TorchSharp.torch;

namespace GenreML.Training.Runs;

/// <summary>
/// A whole training run: scan the data, split it (or read a split file), compute or load cached
/// features (failures are reported and skipped), normalise with training statistics, train with
/// checkpoints, evaluate the kept model on validation and test clips, and write into the run folder
/// <c>split.txt</c>, <c>best.weights</c>, <c>card.json</c>, <c>metrics.json</c> and, with an exporter,
/// <c>model.onnx</c> — each atomically.
/// </summary>
public sealed class TrainingRun
{

    private readonly TrainingServices _services;
    private readonly TextWriter _log;
    private readonly TextWriter? _progress;

    /// <summary>Creates the run with its front end and exporter; <paramref name="log"/> gets summaries, <paramref name="progress"/> the progress bars (null: none).</summary>
    public TrainingRun(TrainingServices services, TextWriter? log = null, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _log = log ?? TextWriter.Null;
        _progress = progress;
    }

    /// <summary>
    /// Runs <paramref name="request"/>; throws <see cref="DatasetException"/> for unusable data and
    /// <see cref="InvalidOperationException"/> when the run folder already holds a run and resume was not asked for.
    /// </summary>
    public TrainingRunResult Run(TrainingRequest request, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options;
        options.Validate();
        string outDir = Path.GetFullPath(request.OutputDirectory);
        Directory.CreateDirectory(outDir);
        if (!request.Resume && File.Exists(Path.Combine(outDir, RunFolder.CheckpointFile)))
            throw new InvalidOperationException($"{outDir} already holds a training run; continue it with resume (--resume) or choose another run folder");

        var dataset = DatasetScanner.Scan(request.DataPath);
        _log.WriteLine($"data: {dataset.Source}: {dataset.Clips.Count} clips, {dataset.Labels.Count} labels");
        var (split, unknownNames, unlisted) = MakeSplit(request, dataset, outDir);
        if (request.SwapTrainValid && !(request.Resume && File.Exists(Path.Combine(outDir, RunFolder.SplitFile))))
            split = new DatasetSplit(split.Description + ", train and valid swapped", split.Valid, split.Train, split.Test);
        if (request.MergeValidIntoTrain && split.Valid.Count > 0)
            split = new DatasetSplit(split.Description + ", valid merged into train (no validation)", [.. split.Train, .. split.Valid], [], split.Test);
        AtomicFile.WriteAllText(Path.Combine(outDir, RunFolder.SplitFile), split.ToText());

        IClipFeaturizer featurizer = _services.Featurizer;
        if (request.CacheDirectory != "")
            featurizer = new FeatureCache(featurizer, request.CacheDirectory ?? FeatureCache.DefaultDirectory);
        var failures = new List<FeatureFailure>();
        var train = LoadPart(dataset, split.Train, featurizer, failures, "train");
        var valid = LoadPart(dataset, split.Valid, featurizer, failures, "valid");
        var test = LoadPart(dataset, split.Test, featurizer, failures, "test");
        if (featurizer is FeatureCache cache) _log.WriteLine($"feature cache {cache.Directory}: {cache.Hits} reused, {cache.Misses} computed");
        foreach (var f in failures) _log.WriteLine($"skipped {f.Path}: {f.Reason}");
        if (failures.Count > 0) _log.WriteLine($"{failures.Count} file(s) skipped");
        if (train.Count < 2) throw new DatasetException($"{dataset.Source}: only {train.Count} usable training clip(s)");
        if (valid.Count == 0 && !request.MergeValidIntoTrain)
            throw new DatasetException($"{dataset.Source}: no usable validation clips ({split.Description}); to train without validation, merge valid into train (--merge-valid)");

        var clipsUsed = new Dictionary<string, IReadOnlyDictionary<string, int>>
        {
            ["train"] = dataset.CountsPerLabel(train.Select(c => c.Clip)),
            ["valid"] = dataset.CountsPerLabel(valid.Select(c => c.Clip)),
            ["test"] = dataset.CountsPerLabel(test.Select(c => c.Clip)),
        };
        foreach (var (part, counts) in clipsUsed)
            _log.WriteLine($"{part,-5}: {counts.Values.Sum(),4} clips  " + string.Join(" ", counts.Select(kv => $"{kv.Key} {kv.Value}")));

        var normalization = FeatureNormalizer.Fit(train);
        var trainSet = train.Select(c => FeatureNormalizer.Apply(c, normalization)).ToList();
        var validSet = valid.Select(c => FeatureNormalizer.Apply(c, normalization)).ToList();
        var testSet = test.Select(c => FeatureNormalizer.Apply(c, normalization)).ToList();
        // Only the normalised copies are needed from here on; let the raw spectrograms be collected.
        train = [];
        valid = [];
        test = [];

        AtomicFile.WriteAllText(Path.Combine(outDir, RunFolder.OptionsFile), options.ToJson());
        manual_seed(options.Seed);
        int bands = featurizer.Options.MelBands;
        using var model = ModelFactory.Create(options.Architecture, dataset.Labels.Count, bands, options.WindowFrames, options.Width, options.Head);
        long parameters = model.parameters().Sum(p => p.numel());
        _log.WriteLine($"model {options.Architecture}: {parameters:N0} parameters, input 1×{bands}×{options.WindowFrames}");
        var outcome = new Trainer(options, _log, _progress).Fit(model, trainSet, validSet, dataset.Labels.Count, outDir, request.Resume, cancel);

        EvaluationReport? validReport = Evaluate(dataset, model, validSet, options);
        EvaluationReport? testReport = Evaluate(dataset, model, testSet, options);
        _log.WriteLine(validReport is null
            ? $"kept epoch {outcome.BestEpoch} (the last: no validation)"
            : $"best epoch {outcome.BestEpoch}: valid clip acc {validReport.ClipAccuracy:F3} bal {validReport.BalancedAccuracy:F3} macro-F1 {validReport.MacroF1:F3}");
        _log.WriteLine(testReport is null
            ? "test: the split has no test clips"
            : $"test ({testReport.Clips} clips): clip acc {testReport.ClipAccuracy:F3} window acc {testReport.WindowAccuracy:F3} bal {testReport.BalancedAccuracy:F3} macro-F1 {testReport.MacroF1:F3}");

        var metrics = new RunMetrics
        {
            Architecture = options.Architecture,
            Labels = dataset.Labels,
            Split = split.Description,
            ClipsUsed = clipsUsed,
            Failures = failures,
            UnknownSplitNames = unknownNames,
            UnlistedClips = unlisted,
            Epochs = outcome.History,
            BestEpoch = outcome.BestEpoch,
            StoppedEarly = outcome.StoppedEarly,
            Valid = validReport,
            Test = testReport,
        };
        var card = MakeCard(request, dataset, split, featurizer, normalization, clipsUsed["train"], outcome, validReport, testReport);
        AtomicFile.WriteAllText(Path.Combine(outDir, RunFolder.MetricsFile), metrics.ToJson());
        AtomicFile.WriteAllText(Path.Combine(outDir, RunFolder.CardFile), card.ToJson());
        if (_services.Exporter is { } exporter)
        {
            model.eval();
            AtomicFile.WriteVia(Path.Combine(outDir, RunFolder.ModelFile), tmp => exporter.Export(model, card, tmp));
            _log.WriteLine($"wrote {Path.Combine(outDir, RunFolder.ModelFile)}");
        }

        _log.WriteLine($"run folder: {outDir}");
        return new TrainingRunResult(outDir, card, metrics, failures);
    }

    private static EvaluationReport? Evaluate(Dataset dataset, nn.Module<Tensor, Tensor> model, IReadOnlyList<NormalizedClip> clips, TrainingOptions options) =>
        clips.Count == 0 ? null
            : EvaluationReport.From(dataset.Labels, Evaluator.Predict(model, clips, options.WindowFrames, options.WindowHop, options.BatchSize));

    private (DatasetSplit Split, IReadOnlyList<string> UnknownNames, IReadOnlyList<string> Unlisted) MakeSplit(TrainingRequest request, Dataset dataset, string outDir)
    {
        string saved = Path.Combine(outDir, RunFolder.SplitFile);
        string? splitFile = request.Resume && File.Exists(saved) ? saved : request.SplitFile;
        if (splitFile is null)
        {
            var split = StratifiedSplitter.Split(dataset, request.Options.Seed);
            return (split, [], []);
        }

        var result = SplitFile.Apply(dataset, splitFile);
        foreach (string name in result.UnknownNames) _log.WriteLine($"split file {splitFile}: '{name}' matches no clip");
        foreach (var clip in result.UnlistedClips) _log.WriteLine($"split file {splitFile}: {clip.Path} is not listed; left out");
        return (result.Split, result.UnknownNames, result.UnlistedClips.Select(c => c.Path).ToArray());
    }

    private List<ClipFeatures> LoadPart(Dataset dataset, IReadOnlyList<LabeledClip> clips, IClipFeaturizer featurizer, List<FeatureFailure> failures, string part)
    {
        var bar = new ConsoleProgress($"features {part}", clips.Count, enabled: _progress is not null, writer: _progress ?? TextWriter.Null);
        var loaded = FeatureLoader.Load(dataset, clips, featurizer, failures, (done, _) => bar.Report(done));
        bar.Clear();
        return loaded.ToList();
    }

    private static ModelCard MakeCard(
        TrainingRequest request,
        Dataset dataset,
        DatasetSplit split,
        IClipFeaturizer featurizer,
        FeatureNormalization normalization,
        IReadOnlyDictionary<string, int> trainCounts,
        TrainingOutcome outcome,
        EvaluationReport? valid,
        EvaluationReport? test)
    {
        var headline = new Dictionary<string, double>();
        if (valid is not null)
        {
            headline["validAccuracy"] = valid.ClipAccuracy;
            headline["validBalancedAccuracy"] = valid.BalancedAccuracy;
            headline["validMacroF1"] = valid.MacroF1;
        }

        if (test is not null)
        {
            headline["testAccuracy"] = test.ClipAccuracy;
            headline["testWindowAccuracy"] = test.WindowAccuracy;
            headline["testBalancedAccuracy"] = test.BalancedAccuracy;
            headline["testMacroF1"] = test.MacroF1;
        }

        return new ModelCard
        {
            Labels = dataset.Labels,
            Features = featurizer.Options,
            WindowFrames = request.Options.WindowFrames,
            WindowHop = request.Options.WindowHop,
            Normalization = normalization,
            Architecture = request.Options.Architecture,
            Provenance = new TrainingProvenance
            {
                Data = $"{dataset.Source}, {dataset.Clips.Count} clips",
                Split = split.Description,
                TrainCounts = trainCounts,
                Epochs = outcome.BestEpoch,
                Metrics = headline,
                Command = request.CommandLine,
                Commit = GitCommit.Current(),
                CreatedUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            },
        };
    }
}
