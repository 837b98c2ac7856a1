using GenreML.Inference.Answers;
using GenreML.Inference.Cards;
using GenreML.Inference.Results;

namespace GenreML.MLNet.Scoring;

/// <summary>
/// One clip between featurising and its scored row: hands out its windows one at a time to the batches that span
/// clips, gathers their probabilities in window order, and once every window is back gives
/// the clip's calibrated score and status by <see cref="ClipVerdict"/>. Owns the <see cref="ClipWindows"/>.
/// </summary>
internal sealed class InFlightClip : IDisposable
{
    private readonly IEnumerator<float[]> _windows;
    private readonly List<float[]> _probabilities = [];
    private int _handedOut;
    private bool _exhausted;

    public InFlightClip(ClipWindows clip)
    {
        Clip = clip;
        _windows = clip.Windows().GetEnumerator(); // a failed clip (no windows) yields none
    }

    public ClipWindows Clip { get; }

    /// <summary>Whether every window has been handed out and scored (or the clip failed).</summary>
    public bool Complete => _exhausted && _probabilities.Count == _handedOut;

    /// <summary>Whether all windows have been handed out.</summary>
    public bool Exhausted => _exhausted;

    /// <summary>Every scored window's probabilities, in window order.</summary>
    public IReadOnlyList<float[]> Probabilities => _probabilities;

    /// <summary>Windows scored so far.</summary>
    public int Windows => _probabilities.Count;

    /// <summary>The next window to score, or null when there is none left (a second-pass failure sets the clip's Error).</summary>
    public float[]? NextWindow()
    {
        if (_exhausted)
        {
            return null;
        }

        if (_windows.MoveNext())
        {
            _handedOut++;
            return _windows.Current;
        }

        _exhausted = true;
        return null;
    }

    /// <summary>Adds the probabilities of the clip's next scored window.</summary>
    public void Add(float[] probabilities)
    {
        _probabilities.Add(probabilities);
    }

    /// <summary>
    /// The calibrated clip score and its status, or null when the clip failed or has no windows.
    /// </summary>
    public ClipVerdict? Verdict(ModelCard card, double? minConfidence)
    {
        if (Clip.Error.Length > 0 || _probabilities.Count == 0)
        {
            return null;
        }

        float[] mean = ClipAggregation.Mean(_probabilities);
        return ClipVerdict.Decide(card, ClipEvidence.FromVector(Clip.Evidence), mean, _probabilities, minConfidence);
    }

    public void Dispose()
    {
        _windows.Dispose();
        Clip.Dispose();
    }
}
