using GenreML.Inference.Cards;
using Microsoft.ML.OnnxRuntime;

namespace GenreML.Inference.Running;

/// <summary>
/// Sends windows to the network in batches of up to <c>batchSize</c> and returns one probability (or embedding) row per
/// window. Every call owns its buffers, so one runner serves many threads (ONNX Runtime's
/// <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/> is thread-safe).
/// </summary>
internal sealed class WindowRunner
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string _probabilities;
    private readonly string _embedding;
    private readonly int _bands;
    private readonly int _frames;
    private readonly int _classes;

    public WindowRunner(InferenceSession session, ModelCard card)
    {
        _session = session;
        _inputNames = [card.InputName];
        _probabilities = card.ProbabilitiesOutput;
        _embedding = card.EmbeddingOutput;
        _bands = card.Features.MelBands;
        _frames = card.WindowFrames;
        _classes = card.Labels.Count;
    }

    /// <summary>Values in one window: bands × frames.</summary>
    public int WindowLength => _bands * _frames;

    /// <summary>The probabilities of each window, in order.</summary>
    /// <exception cref="ArgumentException">A window has the wrong length.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public float[][] Run(IReadOnlyList<float[]> windows, int batchSize, CancellationToken cancellationToken) =>
        Run(windows, batchSize, _probabilities, _classes, cancellationToken);

    /// <summary>The embedding of each window (the card's <see cref="ModelCard.EmbeddingOutput"/>, <paramref name="width"/> values each), in order.</summary>
    /// <exception cref="ArgumentException">A window has the wrong length.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public float[][] RunEmbedding(IReadOnlyList<float[]> windows, int batchSize, int width, CancellationToken cancellationToken) =>
        Run(windows, batchSize, _embedding, width, cancellationToken);

    private float[][] Run(IReadOnlyList<float[]> windows, int batchSize, string output, int width, CancellationToken cancellationToken)
    {
        for (int w = 0; w < windows.Count; w++)
        {
            if (windows[w] is null || windows[w].Length != WindowLength)
            {
                throw new ArgumentException(
                    $"window {w} has {windows[w]?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} values, expected {_bands} bands × {_frames} frames = {WindowLength}", nameof(windows));
            }
        }

        var rows = new float[windows.Count][];
        using var runOptions = new RunOptions();
        using CancellationTokenRegistration stop = cancellationToken.Register(() => runOptions.Terminate = true);
        for (int first = 0; first < windows.Count; first += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(batchSize, windows.Count - first);
            RunBatch(windows, first, count, output, width, rows, runOptions, cancellationToken);
        }

        return rows;
    }

    private void RunBatch(IReadOnlyList<float[]> windows, int first, int count, string output, int width, float[][] rows, RunOptions runOptions, CancellationToken cancellationToken)
    {
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(count == 1 ? windows[first] : Concatenate(windows, first, count), [count, 1, _bands, _frames]);
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _session.Run(runOptions, _inputNames, [input], [output]);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        using (outputs)
        {
            ReadOnlySpan<float> values = outputs.First().GetTensorDataAsSpan<float>();
            if (values.Length != count * width)
            {
                throw new InvalidOperationException(
                    $"output '{output}' returned {values.Length} values for {count} windows, expected {count} × {width}; the model card does not fit the model");
            }

            for (int i = 0; i < count; i++)
            {
                rows[first + i] = values.Slice(i * width, width).ToArray();
            }
        }
    }

    /// <summary>
    /// Windows <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 in one array (a batch of
    /// one is the window itself: no copy on the default path).
    /// </summary>
    private float[] Concatenate(IReadOnlyList<float[]> windows, int first, int count)
    {
        var batch = new float[count * WindowLength];
        for (int i = 0; i < count; i++)
        {
            windows[first + i].CopyTo(batch, i * WindowLength);
        }

        return batch;
    }
}
