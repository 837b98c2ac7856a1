using GenreML.Inference.Answers;
using GenreML.Inference.Cards;
using GenreML.Inference.Results;

namespace GenreML.MLNet.Scoring;

/// <summary>
/// One clip between featurising and its scored row: hands out its windows one at a time to the batches that span
/// clips, gathers their probabilities in window order (<see cref="WindowMean"/>), and once every window is back gives
/// the clip's calibrated score and status by <see cref="ClipVerdict"/>. Owns the <see cref="ClipWindows"/>.
/// </summary>
internal sealed class InFlightClip : IDisposable
{
    private readonly IEnumerator<float[]> _windows;
    private readonly List<float[]> _probabilities = [];
    private readonly WindowMean _mean;
    private int _handedOut;
    private bool _exhausted;

    public InFlightClip(ClipWindows clip, int classes)
    {
        Clip = clip;
        _mean = new WindowMean(classes);
        _windows = clip.Windows().GetEnumerator(); // a failed clip (no windows) yields none
    }

    public ClipWindows Clip { get; }

    /// <summary>Whether every window has been handed out and scored (or the clip failed).</summary>
    public bool Complete => _exhausted && _mean.Windows == _handedOut;

    /// <summary>Whether all windows have been handed out.</summary>
    public bool Exhausted => _exhausted;

    /// <summary>Every scored window's probabilities, in window order.</summary>
    public IReadOnlyList<float[]> Probabilities => _probabilities;

    /// <summary>Windows scored so far.</summary>
    public int Windows => _mean.Windows;

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
        _mean.Add(probabilities);
        _probabilities.Add(probabilities);
    }

    /// <summary>
    /// The calibrated clip score and its status, or null when the clip failed or has no windows.
    /// </summary>
    public ClipVerdict? Verdict(ModelCard card, double? minConfidence)
    {
        if (Clip.Error.Length > 0 || _mean.Windows == 0)
        {
            return null;
        }

        var mean = new float[_mean.Classes];
        _mean.CopyTo(mean);
        return ClipVerdict.Decide(card, ClipEvidence.FromVector(Clip.Evidence), mean, _probabilities, minConfidence);
    }

    public void Dispose()
    {
        _windows.Dispose();
        Clip.Dispose();
    }
}
