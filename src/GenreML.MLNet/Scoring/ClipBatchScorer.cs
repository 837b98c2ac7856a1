using GenreML.Audio.Features;
using GenreML.Inference.Cards;
using GenreML.Inference.Running;

namespace GenreML.MLNet.Scoring;

/// <summary>
/// Scores clips in input order with windows of several clips in one ONNX Runtime run: up to <c>threads</c> clips are
/// decoded and featurised ahead on worker tasks while the network runs (a bounded queue), and their windows are sent to
/// the one session in batches of <c>batchSize</c> that span clips, up to <c>threads</c> batches running at once (the
/// network is most of the work, so files in flight pay only when the network runs in parallel too). A long clip's
/// windows are cut as the batches take them, so memory holds at most <c>threads</c> batches of its windows. Results are
/// applied in the order the batches were made, so each clip's probabilities are added in window order and its score
/// does not depend on which clips shared its batches. Not thread-safe: one per cursor.
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
    private readonly Queue<(Task<float[][]> Run, InFlightClip[] Owners)> _running = new();
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
        // Starting a batch either hands out windows or finds that every clip in flight is exhausted; so when no batch
        // starts and none is running, the head is complete.
        while (!head.Complete)
        {
            if (_running.Count < _threads && StartBatch())
            {
                continue;
            }

            if (_running.Count > 0)
            {
                FinishBatch();
            }
        }

        _inFlight.RemoveAt(0);
        Fill();
        return head;
    }

    /// <summary>
    /// Starts one batch of the next windows of the clips in flight (admitting more clips as needed), on a worker task
    /// when more than one thread is allowed; false when there is no window left to score.
    /// </summary>
    private bool StartBatch()
    {
        var batch = new List<float[]>(_batchSize);
        var owners = new List<InFlightClip>(_batchSize);
        int clip = 0;
        while (batch.Count < _batchSize)
        {
            if (clip == _inFlight.Count && (_inFlight.Count >= _batchSize * _threads || !Admit()))
            {
                break;
            }

            InFlightClip current = _inFlight[clip];
            while (batch.Count < _batchSize && current.NextWindow() is { } window)
            {
                batch.Add(window);
                owners.Add(current);
            }

            if (current.Exhausted)
            {
                clip++;
            }
        }

        if (batch.Count == 0)
        {
            return false;
        }

        Func<float[][]> run = () => _runner.Run(batch, _batchSize, CancellationToken.None);
        _running.Enqueue((_threads <= 1 ? Task.FromResult(run()) : Task.Run(run), owners.ToArray()));
        return true;
    }

    /// <summary>Waits for the oldest running batch and gives each window's probabilities to its clip.</summary>
    private void FinishBatch()
    {
        (Task<float[][]> run, InFlightClip[] owners) = _running.Dequeue();
        float[][] probabilities = run.GetAwaiter().GetResult();
        for (int i = 0; i < probabilities.Length; i++)
        {
            owners[i].Add(probabilities[i]);
        }
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

        _inFlight.Add(new InFlightClip(windows));
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
        return () => ClipWindows.Compute(_featurizer, _card.WindowFrames, _card.WindowHop, path, label);
    }

    public void Dispose()
    {
        foreach ((Task<float[][]> run, _) in _running)
        {
            run.Wait();
        }

        _running.Clear();
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
