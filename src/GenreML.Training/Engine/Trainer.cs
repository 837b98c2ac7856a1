using GenreML.Audio.Features;
using GenreML.Core.Runs;
using GenreML.Core.Progress;
using GenreML.Core.IO;
using System.Diagnostics;
using GenreML.Core.Evaluation;
using GenreML.Training.Augmentation;
using GenreML.Training.Features;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenreML.Training.Engine;

/// <summary>
/// The training loop. Each epoch draws windows from the training clips (random crops or first windows,
/// class-balanced when asked), applies SpecAugment and mixup, optimises cross-entropy (label smoothing,
/// class weights when asked), then scores the validation clips (mean window probabilities per clip).
/// Early stopping watches validation balanced accuracy (ties broken by lower validation loss) and
/// stops after <see cref="TrainingOptions.EarlyStoppingPatience"/> epochs without improvement.
/// Without validation clips every epoch runs and the last one is kept.
/// With <see cref="TrainingOptions.WeightAverageDecay"/> the moving average of the weights is what is validated and kept.
/// In the run folder it keeps <c>best.weights</c> (best epoch), and after every epoch
/// <c>last.weights</c>, <c>last.average</c> (the weight average, when on), <c>last.optimizer</c> (Adam/AdamW moments, via TorchSharp's
/// <c>save_state_dict</c>) and <c>checkpoint.json</c> (<see cref="TrainingState"/>), all written atomically,
/// so <c>resume</c> continues a killed run at the next epoch with the same result.
/// </summary>
internal sealed class Trainer
{
    /// <summary>A trailing partial batch is trained only when it has at least this many windows: batch norm needs two.</summary>
    private const int MinimumBatchWindows = 2;

    /// <summary>A prime that spreads the per-epoch seeds: <c>seed × stride + epoch</c> differs for every (seed, epoch) with epoch below it.</summary>
    private const long EpochSeedStride = 1_000_003L;

    /// <summary>Balanced accuracies this close count as equal, so the lower validation loss decides (guards against float noise).</summary>
    private const double ScoreTolerance = 1e-12;

    /// <summary>The plateau schedule's relative threshold (PyTorch ReduceLROnPlateau's default, mode 'rel'): a loss must beat the best by 0.01 % to count.</summary>
    private const double PlateauThreshold = 1e-4;

    private readonly TrainingOptions _options;
    private readonly TextWriter _log;
    private readonly TextWriter? _progress;

    /// <summary>
    /// Creates a trainer. <paramref name="log"/> receives one summary line per epoch (null: none);
    /// <paramref name="progress"/> receives the in-place progress bar (null: none, e.g. <c>--quiet</c> or not a terminal).
    /// </summary>
    public Trainer(TrainingOptions options, TextWriter? log = null, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _log = log ?? TextWriter.Null;
        _progress = progress;
    }

    /// <summary>Called after every finished epoch (after the checkpoint is written).</summary>
    public event Action<EpochRecord>? EpochCompleted;

    /// <summary>
    /// Trains <paramref name="model"/> on <paramref name="train"/>, validating on <paramref name="valid"/> (empty: no
    /// validation, the last epoch is kept; the plateau schedule needs validation),
    /// with checkpoints in <paramref name="runDirectory"/>. With <paramref name="resume"/> and a checkpoint
    /// present, continues after its epoch (the options must match, except the patience and, with the
    /// plateau schedule, the epoch count). Afterwards the model holds the best epoch's weights and is in
    /// evaluation mode. <paramref name="cancel"/> is checked before every batch: a cancelled run throws
    /// <see cref="OperationCanceledException"/> and leaves the checkpoint of its last finished epoch.
    /// </summary>
    public TrainingOutcome Fit(
        nn.Module<Tensor, Tensor> model,
        IReadOnlyList<NormalizedClip> train,
        IReadOnlyList<NormalizedClip> valid,
        int classes,
        string runDirectory,
        bool resume = false,
        CancellationToken cancel = default)
    {
        CheckInputs(model, train, valid);
        Directory.CreateDirectory(runDirectory);
        var run = new RunFolder(runDirectory);
        using OptimizerHelper optimizer = CreateOptimizer(model);
        TrainingState state = StartOrResume(model, optimizer, run, resume);
        using WeightAverage? average = StartAverage(model, state.Epoch > 0 ? run.LastAverage : null, run.LastWeights);
        EpochPlan plan = PlanEpochs(train.Count);
        using Tensor? classWeights = _options.Balance == BalanceStrategy.Weights ? ClassWeights(train, classes) : null;

        var history = state.History.ToList();
        for (int epoch = state.Epoch + 1; epoch <= _options.Epochs && !state.Stopped; epoch++)
        {
            var clock = Stopwatch.StartNew();
            (double trainLoss, double trainAccuracy, double lr) = TrainEpoch(model, optimizer, average, train, classes, classWeights, plan, epoch, state.LearningRate, cancel);

            // Validation, the kept weights and the checkpoint's average file all see the weight average.
            average?.Swap();
            // Keeping the last epoch, only the last one needs validating (the others would only draw the curve).
            ClassificationMetrics? metrics = valid.Count == 0 || (_options.KeepLastEpoch && epoch < _options.Epochs) ? null : Validate(model, valid, classes);
            double validLoss = metrics?.LogLoss ?? double.NaN;
            if (_options.Schedule == LearningRateSchedule.Plateau)
            {
                state = StepPlateau(state, validLoss);
                lr = state.LearningRate;
            }

            bool improved = _options.KeepLastEpoch || Improves(metrics, validLoss, state);
            if (improved)
            {
                state = KeepBest(model, run, state, metrics, validLoss, epoch);
            }

            var record = new EpochRecord(epoch, trainLoss, trainAccuracy, metrics?.LogLoss, metrics?.Accuracy, metrics?.BalancedAccuracy, lr, clock.Elapsed.TotalSeconds);
            history.Add(record);
            bool stop = metrics is not null && _options.EarlyStoppingPatience > 0 && epoch - state.BestEpoch >= _options.EarlyStoppingPatience && epoch < _options.Epochs;
            state = state with { Epoch = epoch, LearningRate = lr, History = history.ToArray(), Stopped = stop };
            SaveCheckpoint(model, optimizer, average, run, state);
            LogEpoch(record, metrics, improved);
            EpochCompleted?.Invoke(record);
            if (stop) _log.WriteLine($"early stop: no better validation balanced accuracy for {_options.EarlyStoppingPatience} epochs (best epoch {state.BestEpoch})");
        }

        if (File.Exists(run.BestWeights)) model.load(run.BestWeights);
        model.eval();
        return new TrainingOutcome(history, state.BestEpoch, state.BestScore, state.Stopped);
    }

    /// <summary>Batches per epoch and in the whole run, for <see cref="TrainingOptions.WindowsPerClip"/> windows per clip.</summary>
    private sealed record EpochPlan(int Samples, int Batches, int TotalSteps);

    private void CheckInputs(nn.Module<Tensor, Tensor> model, IReadOnlyList<NormalizedClip> train, IReadOnlyList<NormalizedClip> valid)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(valid);
        if (train.Count < 2) throw new ArgumentException($"training needs at least two clips (got {train.Count})", nameof(train));
        if (valid.Count == 0 && _options.Schedule == LearningRateSchedule.Plateau)
            throw new ArgumentException("the plateau schedule watches the validation loss, so it needs validation clips", nameof(valid));
    }

    /// <summary>A fresh state, or with <paramref name="resume"/> the checkpoint's state with the last weights and optimiser moments loaded.</summary>
    private TrainingState StartOrResume(nn.Module<Tensor, Tensor> model, OptimizerHelper optimizer, RunFolder run, bool resume)
    {
        var state = new TrainingState { LearningRate = _options.LearningRate, OptionsFingerprint = TrainingState.Fingerprint(_options) };
        if (resume && File.Exists(run.Checkpoint))
        {
            state = TrainingState.Load(run.Checkpoint);
            if (state.OptionsFingerprint != TrainingState.Fingerprint(_options))
                throw new InvalidOperationException($"{run.Checkpoint}: the run was started with other training options; resume with the same options (with the one-cycle schedule the epoch count is part of the schedule, so it must match too)");
            model.load(run.LastWeights);
            optimizer.load_state_dict(run.LastOptimizer);
            _log.WriteLine($"resuming after epoch {state.Epoch} (best epoch {state.BestEpoch}, balanced accuracy {state.BestScore:F3})");
        }
        else if (resume)
        {
            _log.WriteLine($"no checkpoint in {run.Path}; starting from epoch 1");
        }

        return state;
    }

    private EpochPlan PlanEpochs(int trainClips)
    {
        int samples = trainClips * _options.WindowsPerClip;
        int batches = samples / _options.BatchSize + (samples % _options.BatchSize >= MinimumBatchWindows ? 1 : 0);
        return new EpochPlan(samples, batches, batches * _options.Epochs);
    }

    /// <summary>One pass over the epoch's draw of training windows; returns the mean loss, the accuracy and the last learning rate.</summary>
    private (double Loss, double Accuracy, double LearningRate) TrainEpoch(
        nn.Module<Tensor, Tensor> model,
        OptimizerHelper optimizer,
        WeightAverage? average,
        IReadOnlyList<NormalizedClip> train,
        int classes,
        Tensor? classWeights,
        EpochPlan plan,
        int epoch,
        double learningRate,
        CancellationToken cancel)
    {
        // Every epoch reseeds torch and its own Random from (seed, epoch): a resumed epoch draws what an uninterrupted one would.
        long epochSeed = _options.Seed * EpochSeedStride + epoch;
        manual_seed(epochSeed);
        var rng = new Random((int)(epochSeed % int.MaxValue));
        int[] order = DrawOrder(train, classes, plan.Samples, rng);

        model.train();
        var bar = new ConsoleProgress($"epoch {epoch}/{_options.Epochs}", plan.Batches, enabled: _progress is not null, writer: _progress ?? TextWriter.Null);
        double lossSum = 0, correct = 0;
        int seen = 0;
        double lr = learningRate;
        int bands = train[0].Bands;
        for (int b = 0; b < plan.Batches; b++)
        {
            cancel.ThrowIfCancellationRequested();
            if (_options.Schedule == LearningRateSchedule.OneCycle)
                lr = OneCycleRate.At((epoch - 1) * plan.Batches + b, plan.TotalSteps, _options.LearningRate);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;

            int first = b * _options.BatchSize;
            int n = Math.Min(_options.BatchSize, plan.Samples - first);
            var (batchLoss, batchCorrect) = TrainBatch(model, optimizer, train, order.AsSpan(first, n), bands, classWeights, rng);
            average?.Update((epoch - 1L) * plan.Batches + b);
            lossSum += batchLoss * n;
            correct += batchCorrect;
            seen += n;
            bar.Report(b + 1, $"loss {lossSum / seen:F4} acc {correct / seen:F3}");
        }

        bar.Clear();
        return (lossSum / seen, correct / seen, lr);
    }

    /// <summary>Whether this epoch is kept: higher balanced accuracy, or equal and lower validation loss; without validation every epoch is.</summary>
    private static bool Improves(ClassificationMetrics? metrics, double validLoss, TrainingState state) =>
        metrics is null
        || metrics.BalancedAccuracy > state.BestScore + ScoreTolerance
        || (Math.Abs(metrics.BalancedAccuracy - state.BestScore) <= ScoreTolerance && validLoss < state.BestLoss);

    private static TrainingState KeepBest(nn.Module<Tensor, Tensor> model, RunFolder run, TrainingState state, ClassificationMetrics? metrics, double validLoss, int epoch)
    {
        AtomicFile.WriteVia(run.BestWeights, tmp => model.save(tmp));
        return metrics is null
            ? state with { BestEpoch = epoch }
            : state with { BestScore = metrics.BalancedAccuracy, BestLoss = validLoss, BestEpoch = epoch };
    }

    /// <summary>
    /// Writes the resume files: the weight average (the model holds it now), then, swapped back, the raw
    /// weights, the optimiser moments and the state, each atomically.
    /// </summary>
    private static void SaveCheckpoint(nn.Module<Tensor, Tensor> model, OptimizerHelper optimizer, WeightAverage? average, RunFolder run, TrainingState state)
    {
        if (average is not null)
        {
            AtomicFile.WriteVia(run.LastAverage, tmp => model.save(tmp));
            average.Swap();
        }

        AtomicFile.WriteVia(run.LastWeights, tmp => model.save(tmp));
        AtomicFile.WriteVia(run.LastOptimizer, tmp => optimizer.save_state_dict(tmp));
        state.Save(run.Checkpoint);
    }

    private void LogEpoch(EpochRecord record, ClassificationMetrics? metrics, bool improved)
    {
        string validation = metrics is null ? "no validation" : $"valid loss {record.ValidLoss:F4} acc {metrics.Accuracy:F3} bal {metrics.BalancedAccuracy:F3}";
        _log.WriteLine(
            $"epoch {record.Epoch}/{_options.Epochs}  train loss {record.TrainLoss:F4} acc {record.TrainAccuracy:F3}  " +
            $"{validation}  lr {record.LearningRate:G3}  {record.Seconds:F1}s{(improved && metrics is not null && !_options.KeepLastEpoch ? "  *best" : "")}");
    }

    /// <summary>The weight average when it is on: resumed from <paramref name="savedAverage"/> when given, else started at the model's weights.</summary>
    private WeightAverage? StartAverage(nn.Module<Tensor, Tensor> model, string? savedAverage, string lastPath)
    {
        if (_options.WeightAverageDecay <= 0) return null;
        if (savedAverage is null) return new WeightAverage(model, _options.WeightAverageDecay);
        model.load(savedAverage);
        var average = new WeightAverage(model, _options.WeightAverageDecay);
        model.load(lastPath);
        return average;
    }

    private ClassificationMetrics Validate(nn.Module<Tensor, Tensor> model, IReadOnlyList<NormalizedClip> valid, int classes)
    {
        var predictions = Evaluator.Predict(model, valid, _options.WindowFrames, _options.WindowHop, _options.BatchSize);
        return ClassificationMetrics.Compute(
            Enumerable.Range(0, classes).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            predictions.Select(p => p.TrueIndex).ToArray(),
            predictions.Select(p => p.PredictedIndex).ToArray(),
            predictions.Select(p => (IReadOnlyList<float>)p.Probabilities).ToArray());
    }

    private (double Loss, double Correct) TrainBatch(
        nn.Module<Tensor, Tensor> model,
        OptimizerHelper optimizer,
        IReadOnlyList<NormalizedClip> train,
        ReadOnlySpan<int> clipIndices,
        int bands,
        Tensor? classWeights,
        Random rng)
    {
        int n = clipIndices.Length, frames = _options.WindowFrames, size = bands * frames;
        var buffer = new float[n * size];
        var labels = new long[n];
        for (int i = 0; i < n; i++)
        {
            var clip = WaveformVariantChoice.Pick(train[clipIndices[i]], rng);
            int start = _options.RandomCrop && clip.Frames > frames ? rng.Next(clip.Frames - frames + 1) : 0;
            var window = buffer.AsSpan(i * size, size);
            // Past the end of a clip shorter than a window: the pad rule every window cutter uses (the clip's floor).
            float pad = clip.Frames - start < frames ? SpectrogramWindows.PadValue(clip.Data) : 0f;
            SpectrogramWindows.CopyWindow(clip.Data, clip.Bands, clip.Frames, start, frames, pad, window);
            SpecAugment.Apply(window, bands, frames, rng, _options.FrequencyMasks, _options.FrequencyMaskWidth, _options.TimeMasks, _options.TimeMaskWidth);
            labels[i] = clip.LabelIndex;
        }

        double lambda = 1;
        long[] partner = Enumerable.Range(0, n).Select(i => (long)i).ToArray();
        if (_options.MixupAlpha > 0)
        {
            lambda = BetaSampler.Symmetric(rng, _options.MixupAlpha);
            rng.Shuffle(partner);
        }

        using var scope = NewDisposeScope();
        var x = tensor(buffer, [n, 1, bands, frames]);
        var y = tensor(labels);
        Tensor logits, loss;
        if (_options.MixupAlpha > 0)
        {
            var index = tensor(partner);
            var yPartner = y.index_select(0, index);
            x = x.mul(lambda).add(x.index_select(0, index).mul(1 - lambda));
            logits = model.forward(x);
            loss = Loss(logits, y, classWeights).mul(lambda).add(Loss(logits, yPartner, classWeights).mul(1 - lambda));
            if (lambda < 0.5) y = yPartner;
        }
        else
        {
            logits = model.forward(x);
            loss = Loss(logits, y, classWeights);
        }

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        double correct = logits.argmax(1).eq(y).sum().item<long>();
        return (loss.item<float>(), correct);
    }

    private Tensor Loss(Tensor logits, Tensor target, Tensor? classWeights) =>
        nn.functional.cross_entropy(logits, target, weight: classWeights, label_smoothing: _options.LabelSmoothing);

    private OptimizerHelper CreateOptimizer(nn.Module<Tensor, Tensor> model) => _options.Optimizer switch
    {
        OptimizerKind.Adam => optim.Adam(model.parameters(), lr: _options.LearningRate, weight_decay: _options.WeightDecay),
        OptimizerKind.AdamW => optim.AdamW(model.parameters(), lr: _options.LearningRate, weight_decay: _options.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(model), $"unknown optimizer {_options.Optimizer}"),
    };

    private TrainingState StepPlateau(TrainingState state, double validLoss)
    {
        if (validLoss < state.PlateauBestLoss * (1 - PlateauThreshold))
            return state with { PlateauBestLoss = validLoss, PlateauBadEpochs = 0 };
        int bad = state.PlateauBadEpochs + 1;
        if (bad > _options.PlateauPatience)
            return state with { PlateauBadEpochs = 0, LearningRate = state.LearningRate * _options.PlateauFactor };
        return state with { PlateauBadEpochs = bad };
    }

    private int[] DrawOrder(IReadOnlyList<NormalizedClip> train, int classes, int count, Random rng)
    {
        var order = new int[count];
        if (_options.Balance == BalanceStrategy.Sampler)
        {
            var perClass = new int[classes];
            foreach (var clip in train) perClass[clip.LabelIndex]++;
            var cumulative = new double[train.Count];
            double total = 0;
            for (int i = 0; i < train.Count; i++)
            {
                total += 1.0 / perClass[train[i].LabelIndex];
                cumulative[i] = total;
            }

            for (int k = 0; k < count; k++)
            {
                int found = Array.BinarySearch(cumulative, rng.NextDouble() * total);
                order[k] = Math.Min(found >= 0 ? found : ~found, train.Count - 1);
            }

            return order;
        }

        for (int k = 0; k < count; k++) order[k] = k % train.Count;
        rng.Shuffle(order);
        return order;
    }

    private static Tensor ClassWeights(IReadOnlyList<NormalizedClip> train, int classes)
    {
        var counts = new int[classes];
        foreach (var clip in train) counts[clip.LabelIndex]++;
        int present = counts.Count(c => c > 0);
        var weights = counts.Select(c => c == 0 ? 0f : (float)train.Count / (present * c)).ToArray();
        return tensor(weights);
    }
}
