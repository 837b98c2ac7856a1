using GenreML.Audio;
using GenreML.Audio.Features;
using GenreML.Inference.Answers;
using GenreML.Inference.Input;

namespace GenreML.MLNet.Scoring;

/// <summary>
/// The model windows of one clip and its evidence for the status, or why there are none. A clip read once
/// (<see cref="ClipWindowStream.SinglePass"/>: up to about 12 minutes) has its windows cut when it is computed,
/// on the thread that computes it; a longer one keeps only its pass-1 summary and cuts its windows as the cursor
/// reads them (<see cref="Stream"/>), so memory does not grow with its length.
/// </summary>
internal sealed class ClipWindows : IDisposable
{
    private readonly List<float[]>? _windows;
    private float[]? _evidence;

    private ClipWindows(string path, string? label, double durationSeconds, ClipWindowStream? stream, List<float[]>? windows, string error)
    {
        Path = path;
        Label = label;
        DurationSeconds = durationSeconds;
        Stream = stream;
        _windows = windows;
        Error = error;
        _evidence = stream is not null && windows is not null ? stream.Evidence.ToVector() : null;
    }

    public string Path { get; }

    public string? Label { get; }

    public double DurationSeconds { get; }

    /// <summary>Why the clip has no (more) windows; empty when it is fine.</summary>
    public string Error { get; private set; }

    /// <summary>The clip's stream, from which the windows are read.</summary>
    private ClipWindowStream? Stream { get; }

    /// <summary>The evidence vector once the last window has been read (zeros before, and for a clip that failed).</summary>
    public float[] Evidence => _evidence ?? (Stream is { HasEvidence: true } s ? (_evidence = s.Evidence.ToVector()) : new float[ClipEvidence.VectorLength]);

    /// <summary>
    /// Opens the clip with the shared <see cref="ClipFeaturizer"/> (pass 1) and, for a clip read once, cuts exactly
    /// the windows of <see cref="SpectrogramWindows.Cut"/>. A file that cannot be read gives a result with
    /// <see cref="Error"/> set instead of an exception.
    /// </summary>
    public static ClipWindows Compute(ClipFeaturizer featurizer, int windowFrames, int windowHop, string path, string? label)
    {
        ClipWindowStream? stream = null;
        try
        {
            stream = new ClipWindowStream(featurizer.Open(path), windowFrames, windowHop);
            if (stream.WindowCount == 0)
            {
                stream.Dispose();
                return Failed(path, label, "the clip is too short for one frame");
            }

            List<float[]>? windows = stream.SinglePass ? [.. stream.Windows()] : null;
            return new ClipWindows(path, label, stream.Duration.TotalSeconds, stream, windows, "");
        }
        catch (Exception e) when (Reason(e) is { } reason)
        {
            stream?.Dispose();
            return Failed(path, label, reason);
        }
    }

    /// <summary>The clip's windows in order. A failure on the second pass ends them early and sets <see cref="Error"/>.</summary>
    public IEnumerable<float[]> Windows()
    {
        if (_windows is not null)
        {
            foreach (float[] window in _windows)
            {
                yield return window;
            }

            yield break;
        }

        if (Stream is null)
        {
            yield break;
        }

        using IEnumerator<float[]> windows = Stream.Windows().GetEnumerator();
        while (true)
        {
            try
            {
                if (!windows.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception e) when (Reason(e) is { } reason)
            {
                Error = reason;
                yield break;
            }

            yield return windows.Current;
        }
    }

    public void Dispose() => Stream?.Dispose();

    private static string? Reason(Exception e) => e switch
    {
        AudioFormatException format => format.Reason,
        IOException or UnauthorizedAccessException or ArgumentException => e.Message,
        _ => null,
    };

    private static ClipWindows Failed(string path, string? label, string reason) =>
        new(path, label, 0, null, null, reason);
}
