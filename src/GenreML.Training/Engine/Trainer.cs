using GenreML.Training.Progress;
using GenreML.Audio.IO;
using System.Diagnostics;
using GenreML.Inference.Evaluation;
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
public sealed class Trainer
{
    /// <summary>File name of the best epoch's weights.</summary>
    public const string BestWeightsFile = "best.weights";

    /// <summary>File name of the last epoch's weights.</summary>
    public const string LastWeightsFile = "last.weights";

    /// <summary>File name of the last epoch's weight average.</summary>
    public const string LastAverageFile = "last.average";

    /// <summary>File name of the last epoch's optimiser state.</summary>
    public const string LastOptimizerFile = "last.optimizer";

    /// <summary>File name of the resumable state.</summary>
    public const string CheckpointFile = "checkpoint.json";

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
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(valid);
        if (train.Count < 2) throw new ArgumentException($"training needs at least two clips (got {train.Count})", nameof(train));
        if (valid.Count == 0 && _options.Schedule == LearningRateSchedule.Plateau)
            throw new ArgumentException("the plateau schedule watches the validation loss, so it needs validation clips", nameof(valid));
        Directory.CreateDirectory(runDirectory);
        string bestPath = Path.Combine(runDirectory, BestWeightsFile);
        string lastPath = Path.Combine(runDirectory, LastWeightsFile);
        string optimizerPath = Path.Combine(runDirectory, LastOptimizerFile);
        string averagePath = Path.Combine(runDirectory, LastAverageFile);
        string statePath = Path.Combine(runDirectory, CheckpointFile);

        using OptimizerHelper optimizer = CreateOptimizer(model);
        var state = new TrainingState { LearningRate = _options.LearningRate, OptionsFingerprint = TrainingState.Fingerprint(_options) };
        if (resume && File.Exists(statePath))
        {
            state = TrainingState.Load(statePath);
            if (state.OptionsFingerprint != TrainingState.Fingerprint(_options))
                throw new InvalidOperationException($"{statePath}: the run was started with other training options; resume with the same options (with the one-cycle schedule the epoch count is part of the schedule, so it must match too)");
            model.load(lastPath);
            optimizer.load_state_dict(optimizerPath);
            _log.WriteLine($"resuming after epoch {state.Epoch} (best epoch {state.BestEpoch}, balanced accuracy {state.BestScore:F3})");
        }
        else if (resume)
        {
            _log.WriteLine($"no checkpoint in {runDirectory}; starting from epoch 1");
        }

        using WeightAverage? average = StartAverage(model, state.Epoch > 0 ? averagePath : null, lastPath);

        int bands = train[0].Bands;
        int samplesPerEpoch = train.Count * _options.WindowsPerClip;
        int batchesPerEpoch = samplesPerEpoch / _options.BatchSize + (samplesPerEpoch % _options.BatchSize >= 2 ? 1 : 0);
        int totalSteps = batchesPerEpoch * _options.Epochs;
        using Tensor? classWeights = _options.Balance == BalanceStrategy.Weights ? ClassWeights(train, classes) : null;

        var history = state.History.ToList();
        for (int epoch = state.Epoch + 1; epoch <= _options.Epochs && !state.Stopped; epoch++)
        {
            var clock = Stopwatch.StartNew();
            long epochSeed = _options.Seed * 1_000_003L + epoch;
            manual_seed(epochSeed);
            var rng = new Random((int)(epochSeed % int.MaxValue));
            int[] order = DrawOrder(train, classes, samplesPerEpoch, rng);

            model.train();
            var bar = new ConsoleProgress($"epoch {epoch}/{_options.Epochs}", batchesPerEpoch, enabled: _progress is not null, writer: _progress ?? TextWriter.Null);
            double lossSum = 0, correct = 0;
            int seen = 0;
            double lr = state.LearningRate;
            for (int b = 0; b < batchesPerEpoch; b++)
            {
                cancel.ThrowIfCancellationRequested();
                if (_options.Schedule == LearningRateSchedule.OneCycle)
                    lr = OneCycleRate.At((epoch - 1) * batchesPerEpoch + b, totalSteps, _options.LearningRate);
                foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;

                int first = b * _options.BatchSize;
                int n = Math.Min(_options.BatchSize, samplesPerEpoch - first);
                var (batchLoss, batchCorrect) = TrainBatch(model, optimizer, train, order.AsSpan(first, n), bands, classWeights, rng);
                average?.Update((epoch - 1L) * batchesPerEpoch + b);
                lossSum += batchLoss * n;
                correct += batchCorrect;
                seen += n;
                bar.Report(b + 1, $"loss {lossSum / seen:F4} acc {correct / seen:F3}");
            }

            bar.Clear();
            average?.Swap();
            // Keeping the last epoch, only the last one needs validating (the others would only draw the curve).
            var metrics = valid.Count == 0 || (_options.KeepLastEpoch && epoch < _options.Epochs) ? null : Validate(model, valid, classes);
            double validLoss = metrics?.LogLoss ?? double.NaN;

            if (_options.Schedule == LearningRateSchedule.Plateau)
            {
                state = StepPlateau(state, validLoss);
                lr = state.LearningRate;
            }

            bool improved = metrics is null || _options.KeepLastEpoch
                || metrics.BalancedAccuracy > state.BestScore + 1e-12
                || (Math.Abs(metrics.BalancedAccuracy - state.BestScore) <= 1e-12 && validLoss < state.BestLoss);
            if (improved)
            {
                AtomicFile.WriteVia(bestPath, tmp => model.save(tmp));
                state = metrics is null
                    ? state with { BestEpoch = epoch }
                    : state with { BestScore = metrics.BalancedAccuracy, BestLoss = validLoss, BestEpoch = epoch };
            }

            var record = new EpochRecord(epoch, lossSum / seen, correct / seen, metrics?.LogLoss, metrics?.Accuracy, metrics?.BalancedAccuracy, lr, clock.Elapsed.TotalSeconds);
            history.Add(record);
            bool stop = metrics is not null && _options.EarlyStoppingPatience > 0 && epoch - state.BestEpoch >= _options.EarlyStoppingPatience && epoch < _options.Epochs;
            state = state with { Epoch = epoch, LearningRate = lr, History = history.ToArray(), Stopped = stop };
            if (average is not null)
            {
                AtomicFile.WriteVia(averagePath, tmp => model.save(tmp));
                average.Swap();
            }

            AtomicFile.WriteVia(lastPath, tmp => model.save(tmp));
            AtomicFile.WriteVia(optimizerPath, tmp => optimizer.save_state_dict(tmp));
            state.Save(statePath);

            string validation = metrics is null ? "no validation" : $"valid loss {validLoss:F4} acc {metrics.Accuracy:F3} bal {metrics.BalancedAccuracy:F3}";
            _log.WriteLine(
                $"epoch {epoch}/{_options.Epochs}  train loss {record.TrainLoss:F4} acc {record.TrainAccuracy:F3}  " +
                $"{validation}  lr {lr:G3}  {record.Seconds:F1}s{(improved && metrics is not null && !_options.KeepLastEpoch ? "  *best" : "")}");
            EpochCompleted?.Invoke(record);
            if (stop) _log.WriteLine($"early stop: no better validation balanced accuracy for {_options.EarlyStoppingPatience} epochs (best epoch {state.BestEpoch})");
        }

        if (File.Exists(bestPath)) model.load(bestPath);
        model.eval();
        return new TrainingOutcome(history, state.BestEpoch, state.BestScore, state.Stopped);
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
            WindowLayout.Copy(clip.Data, clip.Bands, clip.Frames, start, frames, window);
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
        if (validLoss < state.PlateauBestLoss * (1 - 1e-4))
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
