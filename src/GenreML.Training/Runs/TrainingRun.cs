using GenreML.Core.Runs;
using GenreML.Core.Progress;
using GenreML.Core.IO;
using GenreML.Audio.Features;
using System.Globalization;
using GenreML.Inference.Cards;
using GenreML.Training.Augmentation;
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
        if (!request.Resume && File.Exists(Path.Combine(MemberDirectory(outDir, options, 0), RunFolder.CheckpointFile)))
            throw new InvalidOperationException($"{outDir} already holds a training run; continue it with resume (--resume) or choose another run folder");

        // Everything that can refuse the request is checked before the run folder is made.
        InitialWeights? init = request.InitFrom is null ? null : InitialWeights.Open(request.InitFrom, options);
        var dataset = DatasetScanner.Scan(request.DataPath);
        Directory.CreateDirectory(outDir);
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
        var variants = LoadVariants(request, dataset, [.. train, .. valid, .. test], failures);
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

        var normalization = init?.Card.Normalization ?? FeatureNormalizer.Fit(train);
        var trainSet = train.Select(c => Normalize(c, normalization, variants)).ToList();
        var validSet = valid.Select(c => Normalize(c, normalization, variants)).ToList();
        var testSet = test.Select(c => Normalize(c, normalization, variants)).ToList();
        // Only the normalised copies are needed from here on; let the raw spectrograms be collected.
        train = [];
        valid = [];
        test = [];
        variants.Clear();

        AtomicFile.WriteAllText(Path.Combine(outDir, RunFolder.OptionsFile), options.ToJson());
        int bands = featurizer.Options.MelBands;
        var members = new List<nn.Module<Tensor, Tensor>>();
        var outcomes = new List<TrainingOutcome>();
        for (int m = 0; m < options.EnsembleMembers; m++)
        {
            var memberOptions = options with { Seed = options.Seed + m, EnsembleMembers = 1 };
            if (options.EnsembleMembers > 1) _log.WriteLine($"ensemble member {m + 1}/{options.EnsembleMembers}: seed {memberOptions.Seed}");
            manual_seed(memberOptions.Seed);
            var member = ModelFactory.Create(options.Architecture, dataset.Labels.Count, bands, options.WindowFrames, options.Width, options.Head);
            members.Add(member);
            if (init is not null) _log.WriteLine(init.LoadInto(member, dataset.Labels));
            long parameters = member.parameters().Sum(p => p.numel());
            _log.WriteLine($"model {options.Architecture}: {parameters:N0} parameters, input 1×{bands}×{options.WindowFrames}");
            outcomes.Add(new Trainer(memberOptions, _log, _progress).Fit(member, trainSet, validSet, dataset.Labels.Count, MemberDirectory(outDir, options, m), request.Resume, cancel));
        }

        using var model = members.Count == 1 ? members[0] : new EnsembleNet(members);
        model.eval();
        if (members.Count > 1) AtomicFile.WriteVia(Path.Combine(outDir, RunFolder.BestWeightsFile), tmp => model.save(tmp));
        var outcome = outcomes[0];

        EvaluationReport? validReport = Evaluate(dataset, model, validSet, options);
        EvaluationReport? testReport = Evaluate(dataset, model, testSet, options);
        EvaluationReport? validAugmented = options.AugmentVariants > 0 && validSet.Count > 0
            ? EvaluationReport.From(dataset.Labels, Evaluator.PredictAugmented(model, validSet, options.WindowFrames, options.WindowHop, options.BatchSize))
            : null;
        if (validAugmented is not null)
            _log.WriteLine($"valid with prediction-time augmentation (original + {options.AugmentVariants} variants): clip acc {validAugmented.ClipAccuracy:F3} bal {validAugmented.BalancedAccuracy:F3} macro-F1 {validAugmented.MacroF1:F3}");
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
            MemberEpochs = outcomes.Count > 1 ? outcomes.Select(o => o.History).ToArray() : null,
            ValidAugmented = validAugmented,
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

    /// <summary>The run folder itself for one network; <c>member1</c>, <c>member2</c> … inside it for an ensemble.</summary>
    private static string MemberDirectory(string outDir, TrainingOptions options, int member) =>
        options.EnsembleMembers == 1 ? outDir : Path.Combine(outDir, $"member{member + 1}");

    private static NormalizedClip Normalize(ClipFeatures clip, FeatureNormalization normalization, Dictionary<string, List<ClipFeatures>> variants) =>
        FeatureNormalizer.Apply(clip, normalization) with
        {
            Variants = variants.TryGetValue(clip.Clip.Path, out var mine) ? mine.Select(v => FeatureNormalizer.Apply(v, normalization)).ToArray() : [],
        };

    /// <summary>
    /// The waveform-augmented variants of every loaded clip, by path (none when augmentation is off). Each variant
    /// index has its own cache entry; a variant that fails is reported and left out, its clip still trains.
    /// </summary>
    private Dictionary<string, List<ClipFeatures>> LoadVariants(TrainingRequest request, Dataset dataset, IReadOnlyList<ClipFeatures> clips, List<FeatureFailure> failures)
    {
        var options = request.Options;
        var byPath = new Dictionary<string, List<ClipFeatures>>();
        if (options.AugmentVariants == 0) return byPath;
        if (_services.Featurizer is not ClipFeaturizer front)
            throw new InvalidOperationException($"waveform augmentation needs the decoding front end ({nameof(ClipFeaturizer)}); this run's featurizer is {_services.Featurizer.GetType().Name}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int hits = 0, misses = 0;
        for (int k = 1; k <= options.AugmentVariants; k++)
        {
            var variant = new VariantFeaturizer(front, options, k);
            IClipFeaturizer source = request.CacheDirectory == ""
                ? variant
                : new FeatureCache(variant, request.CacheDirectory ?? FeatureCache.DefaultDirectory, variant.CacheKey);
            var bar = new ConsoleProgress($"augmented variant {k}/{options.AugmentVariants}", clips.Count, enabled: _progress is not null, writer: _progress ?? TextWriter.Null);
            // Stretching and shifting are slow and independent per clip: one clip per core.
            var perClip = new (IReadOnlyList<ClipFeatures> Loaded, List<FeatureFailure> Failures)[clips.Count];
            int done = 0;
            Parallel.For(0, clips.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var mine = new List<FeatureFailure>();
                perClip[i] = (FeatureLoader.Load(dataset, [clips[i].Clip], source, mine), mine);
                int finished = Interlocked.Increment(ref done);
                lock (bar) bar.Report(finished);
            });
            foreach (var (loaded, clipFailures) in perClip)
            {
                foreach (var f in clipFailures) failures.Add(f with { Reason = $"augmented variant {k}: {f.Reason}" });
                foreach (var v in loaded)
                {
                    if (!byPath.TryGetValue(v.Clip.Path, out var list)) byPath[v.Clip.Path] = list = [];
                    list.Add(v);
                }
            }

            bar.Clear();
            if (source is FeatureCache c)
            {
                hits += c.Hits;
                misses += c.Misses;
            }
        }

        _log.WriteLine($"waveform augmentation: {options.AugmentVariants} variant(s) of {clips.Count} clips (pitch ±{options.PitchShiftSemitones} semitones, stretch ±{options.TimeStretchRange}, EQ ±{options.EqGainDb} dB): {hits} reused, {misses} computed, {clock.Elapsed.TotalSeconds:F0} s");
        return byPath;
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
