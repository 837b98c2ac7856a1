using GenreML.Audio.Dsp;

namespace GenreML.Audio.Features;

/// <summary>
/// Cuts a spectrogram into fixed-size model inputs: windows of T frames starting every hop frames
/// (frames 0…T−1, hop…hop+T−1, …) until one reaches the last frame. A window that runs past the end
/// is filled up with a pad value, so every frame lands in at least one window and a clip shorter than
/// one window still gives one window. The one windower: inference, evaluation and training's random crops
/// (<see cref="CopyWindow"/>) all cut here, with one padding rule: the clip's smallest value (<see cref="PadValue"/>),
/// silence at the floor of a log-Mel spectrogram. The rule commutes with an affine normalisation
/// <c>(x − mean) / std</c>, so cutting normalised data gives the normalised windows.
/// <see cref="WindowCutter"/> cuts the same windows from a spectrogram that arrives in blocks (a long clip's
/// <see cref="LogMelStream"/>); <see cref="Cut"/> is that cutter fed the whole spectrogram at once.
/// </summary>
public static class SpectrogramWindows
{
    /// <summary>
    /// Number of windows for <paramref name="frames"/> frames: 0 for no frames, 1 when frames ≤ T,
    /// else 1 + ceil((frames − T) / hop).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">frames is negative, or T or hop is not positive.</exception>
    public static int Count(int frames, int windowFrames, int hopFrames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowFrames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hopFrames);
        if (frames == 0)
        {
            return 0;
        }

        return frames <= windowFrames ? 1 : 1 + (frames - windowFrames + hopFrames - 1) / hopFrames;
    }

    /// <summary>
    /// The windows of <paramref name="spectrogram"/>, each band-major [Bands × T] (the layout of a
    /// [1, Bands, T] tensor): value of band b at window frame t is at <c>b·T + t</c>.
    /// </summary>
    /// <param name="spectrogram">The spectrogram to cut; it must have at least one frame.</param>
    /// <param name="windowFrames">T, frames per window.</param>
    /// <param name="hopFrames">Frames between the starts of successive windows.</param>
    /// <param name="padValue">Value for frames past the end; null (the default) uses the spectrogram's
    /// smallest value, i.e. silence at the floor of a log-Mel spectrogram (max − top_db).</param>
    /// <exception cref="ArgumentException">The spectrogram has no frames.</exception>
    /// <exception cref="ArgumentOutOfRangeException">T or hop is not positive.</exception>
    public static float[][] Cut(Spectrogram spectrogram, int windowFrames, int hopFrames, float? padValue = null)
    {
        ArgumentNullException.ThrowIfNull(spectrogram);
        int count = Count(spectrogram.Frames, windowFrames, hopFrames);
        if (count == 0)
        {
            throw new ArgumentException("Cannot cut windows from a spectrogram with no frames (the clip is shorter than one FFT frame).", nameof(spectrogram));
        }

        var cutter = new WindowCutter(spectrogram.Bands, windowFrames, hopFrames, padValue);
        var windows = new List<float[]>(count);
        cutter.Add(spectrogram, windows);
        cutter.Finish(windows);
        return [.. windows];
    }

    /// <summary>
    /// Copies the window of <paramref name="windowFrames"/> frames starting at frame <paramref name="start"/> of a
    /// band-major <paramref name="bands"/> × <paramref name="frames"/> spectrogram into <paramref name="destination"/>
    /// (band-major <paramref name="bands"/> × <paramref name="windowFrames"/>), filling frames past the end with <paramref name="padValue"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A length does not match the shape.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is not a frame of the spectrogram.</exception>
    public static void CopyWindow(ReadOnlySpan<float> source, int bands, int frames, int start, int windowFrames, float padValue, Span<float> destination)
    {
        if (source.Length != bands * frames) throw new ArgumentException($"source has {source.Length} values, expected {bands} × {frames}", nameof(source));
        if (destination.Length != bands * windowFrames) throw new ArgumentException($"destination has {destination.Length} values, expected {bands} × {windowFrames}", nameof(destination));
        if (start < 0 || start >= frames) throw new ArgumentOutOfRangeException(nameof(start), $"start {start} outside 0..{frames - 1}");
        int available = Math.Min(windowFrames, frames - start);
        for (int b = 0; b < bands; b++)
        {
            Span<float> row = destination.Slice(b * windowFrames, windowFrames);
            source.Slice(b * frames + start, available).CopyTo(row);
            row.Slice(available).Fill(padValue);
        }
    }

    /// <summary>The value windows are padded with: the smallest of <paramref name="values"/> (the spectrogram's floor; +∞ for none).</summary>
    public static float PadValue(ReadOnlySpan<float> values) => VectorExtremes.Min(values);
}
