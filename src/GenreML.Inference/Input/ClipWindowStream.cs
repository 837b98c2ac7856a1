using GenreML.Audio.Features;
using GenreML.Inference.Answers;

namespace GenreML.Inference.Input;

/// <summary>
/// The model windows of one clip of any length, cut as the clip's <see cref="LogMelStream"/> is read, and the
/// clip's <see cref="ClipEvidence"/>, gathered from the same blocks. Memory does not grow with the clip beyond a
/// few numbers per frame and window: this is how every scoring path (the classifier, ML.NET, the CLI) reads audio.
/// The windows and evidence are exactly those of the whole-clip computation
/// (<see cref="SpectrogramWindows.Cut"/>, <see cref="ClipEvidence.Measure(ReadOnlySpan{float}, int, Spectrogram)"/>).
/// Owns the stream: dispose it when done.
/// </summary>
public sealed class ClipWindowStream : IDisposable
{
    private readonly LogMelStream _clip;
    private readonly int _windowFrames;
    private readonly int _windowHop;
    private ClipEvidence? _evidence;

    /// <summary>Cuts windows of <paramref name="windowFrames"/> frames every <paramref name="windowHop"/> frames from <paramref name="clip"/> (which it owns).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive.</exception>
    public ClipWindowStream(LogMelStream clip, int windowFrames, int windowHop)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowFrames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowHop);
        _clip = clip;
        _windowFrames = windowFrames;
        _windowHop = windowHop;
        WindowCount = SpectrogramWindows.Count(clip.Frames, windowFrames, windowHop);
    }

    /// <summary>The clip's length at the feature rate.</summary>
    public TimeSpan Duration => _clip.Duration;

    /// <summary>What the decoder could not read of a file that ended early; null for a complete one.</summary>
    public string? Warning => _clip.Warning;

    /// <summary>How many windows <see cref="Windows"/> gives (known from pass 1).</summary>
    public int WindowCount { get; }

    /// <summary>Whether the clip is read only once (its frames were kept from pass 1).</summary>
    public bool SinglePass => _clip.SinglePass;

    /// <summary>Whether <see cref="Evidence"/> is known (the last window has been handed out).</summary>
    public bool HasEvidence => _evidence is not null;

    /// <summary>
    /// The clip's evidence, available as soon as <see cref="Windows"/> has handed out its last window.
    /// </summary>
    /// <exception cref="InvalidOperationException">The windows have not all been read yet.</exception>
    public ClipEvidence Evidence => _evidence ?? throw new InvalidOperationException("the clip's evidence is known once all its windows have been read");

    /// <summary>
    /// The windows in order, each a new band-major [MelBands × T] array of log-Mel dB. <see cref="Evidence"/> is
    /// set before the last window is handed out.
    /// </summary>
    /// <exception cref="Audio.AudioFormatException">The audio cannot be decoded again, or it changed since pass 1.</exception>
    /// <exception cref="ArgumentException">The clip has no frames.</exception>
    public IEnumerable<float[]> Windows()
    {
        var cutter = new WindowCutter(_clip.Options.MelBands, _windowFrames, _windowHop);
        var statistics = new SpectralStatistics(_clip.Options.MelBands, _clip.Frames);
        var ready = new List<float[]>();
        foreach (Spectrogram block in _clip.Blocks())
        {
            statistics.Add(block);
            cutter.Add(block, ready);
            if (cutter.Frames == _clip.Frames)
            {
                break;
            }

            foreach (float[] window in ready)
            {
                yield return window;
            }

            ready.Clear();
        }

        cutter.Finish(ready);
        _evidence = ClipEvidence.Measure(_clip, statistics.Result());
        foreach (float[] window in ready)
        {
            yield return window;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _clip.Dispose();
}
