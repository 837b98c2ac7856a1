using GenreML.Audio.Features;
using GenreML.Inference.Cards;
using GenreML.Inference.Running;

namespace GenreML.MLNet.Scoring;

/// <summary>
/// Scores clips in input order with windows of several clips in one ONNX Runtime run: up to <c>threads</c> clips are
/// decoded and featurised ahead on worker tasks while the network runs (a bounded queue), and their windows are sent to
/// the one session in batches of <c>batchSize</c> that span clips. A long clip's windows are cut as the batches take them,
/// so memory holds at most one batch of its windows. Each clip's probabilities are added in window order, so a clip's
/// score does not depend on which clips shared its batches. Not thread-safe: one per cursor.
/// </summary>
internal sealed class ClipBatchScorer : IDisposable
{
    private readonly IEnumerator<(string Path, string? Label)> _inputs;
    private readonly ClipFeaturizer _featurizer;
    private readonly ModelCard _card;
    private readonly WindowRunner _runner;
    private readonly int _threads;
    private readonly int _batchSize;
    private readonly Queue<Task<ClipWindows>> _ahead = new();
    private readonly List<InFlightClip> _inFlight = [];
    private readonly List<float[]> _batch = [];
    private readonly List<InFlightClip> _owners = [];
    private long _nextIndex;
    private bool _inputsDone;

    public ClipBatchScorer(
        IEnumerator<(string Path, string? Label)> inputs, ClipFeaturizer featurizer, ModelCard card, WindowRunner runner, int threads, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _inputs = inputs;
        _featurizer = featurizer;
        _card = card;
        _runner = runner;
        _threads = Math.Max(1, threads);
        _batchSize = batchSize;
    }

    /// <summary>
    /// The next clip in input order with all its windows scored, or null at the end of the input. The caller owns
    /// (and disposes) the clip.
    /// </summary>
    public InFlightClip? Next()
    {
        if (_inFlight.Count == 0 && !Admit())
        {
            return null;
        }

        InFlightClip head = _inFlight[0];
        while (!head.Complete)
        {
            RunBatch();
        }

        _inFlight.RemoveAt(0);
        Fill();
        return head;
    }

    /// <summary>Fills one batch with the next windows of the clips in flight (admitting more clips as needed) and scores it.</summary>
    private void RunBatch()
    {
        _batch.Clear();
        _owners.Clear();
        int clip = 0;
        while (_batch.Count < _batchSize)
        {
            if (clip == _inFlight.Count && (_inFlight.Count >= _batchSize || !Admit()))
            {
                break;
            }

            InFlightClip current = _inFlight[clip];
            while (_batch.Count < _batchSize && current.NextWindow() is { } window)
            {
                _batch.Add(window);
                _owners.Add(current);
            }

            if (current.Exhausted)
            {
                clip++;
            }
        }

        if (_batch.Count == 0)
        {
            return;
        }

        float[][] probabilities = _runner.Run(_batch, _batchSize, CancellationToken.None);
        for (int i = 0; i < probabilities.Length; i++)
        {
            _owners[i].Add(probabilities[i]);
        }

        _batch.Clear();
        _owners.Clear();
    }

    /// <summary>Moves the next featurised clip into flight; false at the end of the input.</summary>
    private bool Admit()
    {
        Fill();
        ClipWindows windows;
        if (_ahead.Count > 0)
        {
            windows = _ahead.Dequeue().GetAwaiter().GetResult();
        }
        else if (NextWork() is { } work)
        {
            windows = work();
        }
        else
        {
            return false;
        }

        _inFlight.Add(new InFlightClip(windows, _card.Labels.Count));
        Fill();
        return true;
    }

    /// <summary>With more than one thread, keeps <c>threads</c> clips featurising on worker tasks ahead of the network.</summary>
    private void Fill()
    {
        while (_threads > 1 && _ahead.Count < _threads && NextWork() is { } work)
        {
            _ahead.Enqueue(Task.Run(work));
        }
    }

    /// <summary>The featurising of the next input clip, or null at the end of the input.</summary>
    private Func<ClipWindows>? NextWork()
    {
        if (_inputsDone || !_inputs.MoveNext())
        {
            _inputsDone = true;
            return null;
        }

        (string path, string? label) = _inputs.Current;
        long index = _nextIndex++;
        return () => ClipWindows.Compute(_featurizer, _card.WindowFrames, _card.WindowHop, index, path, label);
    }

    public void Dispose()
    {
        foreach (InFlightClip clip in _inFlight)
        {
            clip.Dispose();
        }

        _inFlight.Clear();
        foreach (Task<ClipWindows> pending in _ahead)
        {
            pending.GetAwaiter().GetResult().Dispose();
        }

        _ahead.Clear();
        _inputs.Dispose();
    }
}
