namespace GenreML.Training.Features;

/// <summary>
/// How a training crop is copied out of a band-major spectrogram; a crop past the end of a short clip is
/// padded with zeros (the training mean after normalisation). Evaluation windows are cut by
/// <see cref="GenreML.Audio.Features.SpectrogramWindows"/>, as at inference.
/// </summary>
public static class WindowLayout
{
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
