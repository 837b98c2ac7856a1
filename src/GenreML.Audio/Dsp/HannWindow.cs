namespace GenreML.Audio.Dsp;

/// <summary>
/// The periodic Hann window, as <c>scipy.signal.get_window('hann', N, fftbins=True)</c>,
/// <c>torch.hann_window(N, periodic=True)</c> and librosa's STFT use it:
/// w[n] = 0.5 − 0.5·cos(2πn/N) for n = 0 … N−1 (so w[0] = 0 and the last sample is not 0).
/// NWaves' Hann is the symmetric one (divisor N−1); this one is not.
/// </summary>
public static class HannWindow
{
    /// <summary>The periodic Hann window of <paramref name="length"/> samples.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive.</exception>
    public static float[] Periodic(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var window = new float[length];
        for (int n = 0; n < length; n++)
        {
            window[n] = (float)(0.5 - 0.5 * Math.Cos(2.0 * Math.PI * n / length));
        }

        return window;
    }

    /// <summary>
    /// A periodic Hann window of <paramref name="windowLength"/> samples placed in a zero frame of
    /// <paramref name="fftSize"/> samples starting at (fftSize − windowLength)/2 (integer division),
    /// as librosa's <c>util.pad_center</c> and <c>torch.stft</c> do when the window is shorter than the FFT.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowLength"/> is not in 1 … <paramref name="fftSize"/>.</exception>
    public static float[] Centered(int windowLength, int fftSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windowLength, fftSize);
        var frame = new float[fftSize];
        Periodic(windowLength).CopyTo(frame, (fftSize - windowLength) / 2);
        return frame;
    }
}
