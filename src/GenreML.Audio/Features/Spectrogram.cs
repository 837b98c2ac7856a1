namespace GenreML.Audio.Features;

/// <summary>
/// A Mel (or any banded) spectrogram stored band-major: value of band b at frame t is
/// <c>Data[b * Frames + t]</c>, the memory layout of a <c>[1, bands, frames]</c> tensor.
/// </summary>
public sealed class Spectrogram
{
    /// <summary>Wraps <paramref name="data"/> (not copied), which must hold bands × frames values.</summary>
    public Spectrogram(float[] data, int bands, int frames)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bands);
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        if (data.Length != (long)bands * frames)
        {
            throw new ArgumentException($"data has {data.Length} values, expected bands × frames = {bands} × {frames}", nameof(data));
        }

        Data = data;
        Bands = bands;
        Frames = frames;
    }

    /// <summary>The values, band-major.</summary>
    public float[] Data { get; }

    /// <summary>Number of bands (rows).</summary>
    public int Bands { get; }

    /// <summary>Number of frames (columns).</summary>
    public int Frames { get; }

    /// <summary>The value of band <paramref name="band"/> at frame <paramref name="frame"/>.</summary>
    public float this[int band, int frame] => Data[band * Frames + frame];

    /// <summary>The frames of one band.</summary>
    public ReadOnlySpan<float> Band(int band) => Data.AsSpan(band * Frames, Frames);
}
