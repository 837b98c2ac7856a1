using GenreML.Audio;
using GenreML.Audio.Features;
using GenreML.Inference.Answers;
using GenreML.Inference.Batch;
using GenreML.Inference.Cards;
using GenreML.Inference.Input;
using GenreML.Inference.Loading;
using GenreML.Inference.Results;
using GenreML.Inference.Running;
using Microsoft.ML.OnnxRuntime;

namespace GenreML.Inference;

/// <summary>
/// Tells the genre of audio with a self-describing GenreML ONNX model: decode → resample to the card's
/// sample rate → log-Mel with the card's settings → windows → network (in batches) → mean of the window
/// probabilities. The model card is read from the model's metadata and checked against the graph when
/// the classifier opens. Probabilities are calibrated with the card's temperature and every prediction
/// carries a <see cref="GenrePrediction.Status"/> (see <see cref="ClipVerdict"/>). One instance is safe to use from many threads at once; dispose it when done
/// (and not while calls are still running).
/// </summary>
public sealed class GenreClassifier : IDisposable
{
    private readonly InferenceSession _session;
    private readonly ClipFeaturizer _featurizer;
    private readonly WindowRunner _runner;
    private readonly GenreClassifierOptions _options;
    private bool _disposed;

    private GenreClassifier(byte[] model, string source, GenreClassifierOptions? options)
    {
        _options = options ?? new GenreClassifierOptions();
        _options.Validate();
        var warnings = new List<string>();
        _session = SessionFactory.Open(model, source, _options, warnings, out ExecutionDevice device);
        try
        {
            Card = ModelContract.ReadCard(_session, source);
            ModelContract.Check(Card, _session, source);
        }
        catch
        {
            _session.Dispose();
            throw;
        }

        _featurizer = new ClipFeaturizer(Card.Features, _options.SinglePassBytes);
        _runner = new WindowRunner(_session, Card);
        EmbeddingWidth = ModelContract.EmbeddingWidth(Card, _session, source);
        Source = source;
        Device = device;
        Warnings = warnings.ToArray();
        foreach (string warning in warnings)
        {
            _options.Log?.Invoke(warning);
        }
    }

    /// <summary>Opens the ONNX model at <paramref name="modelPath"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a model ONNX Runtime can load.</exception>
    /// <exception cref="ModelCardException">The model has no card, a malformed one, or one that does not fit the graph; the message names the field.</exception>
    public static GenreClassifier Open(string modelPath, GenreClassifierOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"{modelPath}: the model file does not exist.", modelPath);
        }

        return new GenreClassifier(File.ReadAllBytes(modelPath), modelPath, options);
    }

    /// <summary>
    /// Opens the model GenreML ships, GTZAN's ten genres (<c>onnx/genreml-gtzan.onnx</c> in the repository; see its
    /// README for what it can and cannot do), which is embedded in this library.
    /// </summary>
    public static GenreClassifier OpenDefault(GenreClassifierOptions? options = null) =>
        new(ShippedModel.Read(), ShippedModel.SourceName, options);

    /// <summary>Opens an ONNX model read to its end from <paramref name="model"/>; <paramref name="sourceName"/> names it in errors.</summary>
    /// <inheritdoc cref="Open(string, GenreClassifierOptions?)" path="/exception"/>
    public static GenreClassifier Open(Stream model, string sourceName = "model stream", GenreClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var copy = new MemoryStream();
        model.CopyTo(copy);
        return Open(copy.ToArray(), sourceName, options);
    }

    /// <summary>Opens an ONNX model held in <paramref name="model"/>; <paramref name="sourceName"/> names it in errors.</summary>
    /// <inheritdoc cref="Open(string, GenreClassifierOptions?)" path="/exception"/>
    public static GenreClassifier Open(byte[] model, string sourceName = "model bytes", GenreClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (model.Length == 0)
        {
            throw new InvalidDataException($"{sourceName}: the model is empty (0 bytes).");
        }

        return new GenreClassifier(model, sourceName, options);
    }

    /// <summary>The model card read from the model's metadata.</summary>
    public ModelCard Card { get; }

    /// <summary>The genres the model tells apart, in output order.</summary>
    public IReadOnlyList<string> Labels => Card.Labels;

    /// <summary>
    /// Values in one embedding (see <see cref="Embed(string, CancellationToken)"/>), or null when the model has no
    /// <see cref="ModelCard.EmbeddingOutput"/> output (models exported before GenreML added it).
    /// </summary>
    public int? EmbeddingWidth { get; }

    /// <summary>Where the model came from (its path or the source name given).</summary>
    public string Source { get; }

    /// <summary>The device the model actually runs on (the CPU when CUDA was asked for but is missing).</summary>
    public ExecutionDevice Device { get; }

    /// <summary>Things that did not go as asked while opening, such as a fallback from CUDA to the CPU.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Classifies the audio file at <paramref name="path"/> (any format GenreML's decoders read).</summary>
    /// <exception cref="AudioFormatException">The file is missing or cannot be decoded; the message names it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public GenrePrediction Classify(string path, CancellationToken cancellationToken = default) =>
        Classify(path, null, cancellationToken);

    /// <summary>Classifies encoded audio read from <paramref name="audio"/>; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="AudioFormatException">The content cannot be decoded.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public GenrePrediction Classify(Stream audio, string sourceName = "audio stream", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(sourceName);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        return Classify(_featurizer.Open(audio, sourceName), null, cancellationToken);
    }

    /// <summary>
    /// Classifies raw PCM: <paramref name="interleavedSamples"/> at <paramref name="sampleRate"/> Hz with
    /// <paramref name="channels"/> channels interleaved (frame by frame), downmixed by the mean of the channels.
    /// </summary>
    /// <exception cref="ArgumentException">There are no samples, the count is not a whole number of frames, or a sample is not finite.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public GenrePrediction Classify(ReadOnlySpan<float> interleavedSamples, int sampleRate, int channels = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ThrowIfDisposed();
        float[] mono = InterleavedDownmix.ToMono(interleavedSamples, channels);
        return Classify(new AudioSignal(mono, sampleRate, channels), cancellationToken);
    }

    /// <summary>Classifies a decoded mono signal at any sample rate.</summary>
    /// <exception cref="ArgumentException">The signal has no samples.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public GenrePrediction Classify(AudioSignal signal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ThrowIfDisposed();
        if (signal.Samples.Length == 0)
        {
            throw new ArgumentException("signal: the audio has no samples.", nameof(signal));
        }

        return Classify(_featurizer.Open(signal), null, cancellationToken);
    }

    /// <summary>
    /// The uncalibrated window and clip probabilities and the evidence of the audio file at <paramref name="path"/>,
    /// before the card's calibration and status rules: what <c>genreml calibrate</c> fits them on.
    /// </summary>
    /// <exception cref="AudioFormatException">The file is missing or cannot be decoded; the message names it.</exception>
    /// <exception cref="ArgumentException">The audio has no samples.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ClipExamination Examine(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ThrowIfDisposed();
        return Examine(_featurizer.Open(path), cancellationToken);
    }

    /// <summary>What <see cref="Examine(string, CancellationToken)"/> gives, for a decoded mono signal at any sample rate.</summary>
    /// <exception cref="ArgumentException">The signal has no samples.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ClipExamination Examine(AudioSignal signal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ThrowIfDisposed();
        if (signal.Samples.Length == 0)
        {
            throw new ArgumentException("signal: the audio has no samples.", nameof(signal));
        }

        return Examine(_featurizer.Open(signal), cancellationToken);
    }

    private ClipExamination Examine(LogMelStream features, CancellationToken cancellationToken)
    {
        using ClipWindowStream clip = OpenWindows(features);
        float[][] windows = RunWindows(clip, _options.WindowBatchSize, cancellationToken);
        return new ClipExamination(windows, ClipAggregation.Mean(windows), clip.Evidence);
    }

    /// <summary>
    /// Classifies every file of <paramref name="paths"/>, decoding and featurising up to
    /// <see cref="BatchOptions.MaxDegreeOfParallelism"/> files at once. A file that fails is reported in its
    /// outcome (path and reason) and the others go on. Outcomes come back in the order of <paramref name="paths"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IReadOnlyList<ClassificationOutcome> ClassifyMany(IEnumerable<string> paths, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new BatchOptions();
        options.Validate();
        ThrowIfDisposed();
        string[] files = paths.ToArray();
        var outcomes = new ClassificationOutcome[files.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, files.Length, parallel, i =>
        {
            outcomes[i] = ClassifyOne(files[i], options.WindowBatchSize, cancellationToken);
            options.Completed?.Invoke(outcomes[i]);
        });
        return outcomes;
    }

    /// <summary>The prediction for a log-Mel spectrogram computed with <see cref="ModelCard.Features"/> (raw dB, not normalised).</summary>
    /// <remarks>
    /// The clip duration is estimated from the frame count: (frames − 1) × hop / sample rate. With no signal there is
    /// no level to measure, so such a prediction is never <c>silence</c>.
    /// </remarks>
    /// <exception cref="ArgumentException">The spectrogram's band count differs from the card's, or it has no frames.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public GenrePrediction Predict(Spectrogram spectrogram, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spectrogram);
        ThrowIfDisposed();
        LogMelOptions features = Card.Features;
        if (spectrogram.Bands != features.MelBands)
        {
            throw new ArgumentException($"the spectrogram has {spectrogram.Bands} bands but the model reads {features.MelBands}.", nameof(spectrogram));
        }

        var duration = TimeSpan.FromSeconds((double)Math.Max(0, spectrogram.Frames - 1) * features.HopLength / features.SampleRate);
        var evidence = ClipEvidence.FromSpectrogram(spectrogram, duration.TotalSeconds);
        cancellationToken.ThrowIfCancellationRequested();
        float[][] windows = SpectrogramWindows.Cut(spectrogram, Card.WindowFrames, Card.WindowHop);
        float[][] probabilities = _runner.Run(windows, _options.WindowBatchSize, cancellationToken);
        return PredictionBuilder.Build(Card, probabilities, duration, _options.IncludeWindows, evidence, _options.MinConfidence);
    }

    /// <summary>
    /// The probabilities (card label order) of each window, each window band-major [MelBands × WindowFrames]
    /// of raw log-Mel dB as <see cref="SpectrogramWindows.Cut"/> makes them; run in batches of
    /// <see cref="GenreClassifierOptions.WindowBatchSize"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A window has the wrong length.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public float[][] PredictWindows(IReadOnlyList<float[]> windows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ThrowIfDisposed();
        return _runner.Run(windows, _options.WindowBatchSize, cancellationToken);
    }

    /// <summary>
    /// The clip embedding of the audio file at <paramref name="path"/>: the mean over the clip's windows (the same windows
    /// <see cref="Classify(string, CancellationToken)"/> uses) of the pooled features the model's classifier layer reads,
    /// <see cref="EmbeddingWidth"/> values. Input for a classifier of your own labels (<c>genreml train-head</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The model has no embedding output.</exception>
    /// <exception cref="AudioFormatException">The file is missing or cannot be decoded; the message names it.</exception>
    /// <exception cref="ArgumentException">The audio has no samples.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public float[] Embed(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ThrowIfDisposed();
        int width = EmbeddingWidth ?? throw new InvalidOperationException(
            $"{Source}: the model has no '{Card.EmbeddingOutput}' output, so it cannot embed; re-export it with this version of GenreML");
        cancellationToken.ThrowIfCancellationRequested();
        using ClipWindowStream clip = OpenWindows(_featurizer.Open(path));
        var mean = new float[width];
        int count = 0;
        ForEachBatch(clip, _options.WindowBatchSize, batch =>
        {
            foreach (float[] row in _runner.RunEmbedding(batch, _options.WindowBatchSize, width, cancellationToken))
            {
                for (int i = 0; i < width; i++)
                {
                    mean[i] += row[i];
                }

                count++;
            }
        });

        for (int i = 0; i < width; i++)
        {
            mean[i] /= count;
        }

        return mean;
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _session.Dispose();
        }
    }

    private GenrePrediction Classify(string path, int? batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        return Classify(_featurizer.Open(path), batchSize, cancellationToken);
    }

    /// <summary>Classifies a clip streamed in bounded memory (and disposes it).</summary>
    private GenrePrediction Classify(LogMelStream features, int? batchSize, CancellationToken cancellationToken)
    {
        using ClipWindowStream clip = OpenWindows(features);
        cancellationToken.ThrowIfCancellationRequested();
        float[][] probabilities = RunWindows(clip, batchSize ?? _options.WindowBatchSize, cancellationToken);
        return PredictionBuilder.Build(Card, probabilities, clip.Duration, _options.IncludeWindows, clip.Evidence, _options.MinConfidence);
    }

    private ClipWindowStream OpenWindows(LogMelStream features) => new(features, Card.WindowFrames, Card.WindowHop);

    /// <summary>The probabilities of a clip's windows, run as the windows are cut, a batch at a time.</summary>
    private float[][] RunWindows(ClipWindowStream clip, int batchSize, CancellationToken cancellationToken)
    {
        var rows = new List<float[]>(clip.WindowCount);
        ForEachBatch(clip, batchSize, batch => rows.AddRange(_runner.Run(batch, batchSize, cancellationToken)));
        return [.. rows];
    }

    /// <summary>Hands the clip's windows to <paramref name="run"/> in batches of up to <paramref name="batchSize"/>, in order; only one batch is held at a time.</summary>
    private static void ForEachBatch(ClipWindowStream clip, int batchSize, Action<List<float[]>> run)
    {
        var batch = new List<float[]>(batchSize);
        foreach (float[] window in clip.Windows())
        {
            batch.Add(window);
            if (batch.Count == batchSize)
            {
                run(batch);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            run(batch);
        }
    }

    private ClassificationOutcome ClassifyOne(string path, int? batchSize, CancellationToken cancellationToken)
    {
        try
        {
            return new ClassificationOutcome { Path = path, Prediction = Classify(path, batchSize, cancellationToken) };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ClassificationOutcome { Path = path, Error = FileErrorText.Naming(path, e), Exception = e };
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
