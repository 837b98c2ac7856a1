namespace GenreML.Training.Features;

/// <summary>
/// Where the windows of a clip start and how a window is copied out of a band-major spectrogram.
/// Windows start at 0, hop, 2·hop, … as long as they fit; a clip shorter than one window gives one
/// window at 0, padded at the end with zeros (the training mean after normalisation).
/// </summary>
public static class WindowLayout
{
    /// <summary>Start frames of the evaluation windows of a clip of <paramref name="frames"/> frames.</summary>
    public static IReadOnlyList<int> Starts(int frames, int windowFrames, int hop, bool firstOnly = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowFrames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hop);
        if (firstOnly || frames <= windowFrames) return [0];
        var starts = new List<int>();
        for (int s = 0; s + windowFrames <= frames; s += hop) starts.Add(s);
        return starts;
    }

    /// <summary>Copies frames <c>start .. start+windowFrames</c> of every band into <paramref name="destination"/> (bands × windowFrames), zero-padding past the end.</summary>
    public static void Copy(ReadOnlySpan<float> source, int bands, int frames, int start, int windowFrames, Span<float> destination)
    {
        if (source.Length != bands * frames) throw new ArgumentException($"source has {source.Length} values, expected {bands} × {frames}", nameof(source));
        if (destination.Length != bands * windowFrames) throw new ArgumentException($"destination has {destination.Length} values, expected {bands} × {windowFrames}", nameof(destination));
        if (start < 0 || start >= Math.Max(frames, 1)) throw new ArgumentOutOfRangeException(nameof(start), $"start {start} outside 0..{frames - 1}");
        int available = Math.Min(windowFrames, frames - start);
        for (int b = 0; b < bands; b++)
        {
            var row = destination.Slice(b * windowFrames, windowFrames);
            source.Slice(b * frames + start, available).CopyTo(row);
            row[available..].Clear();
        }
    }
}
