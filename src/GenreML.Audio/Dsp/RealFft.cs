namespace GenreML.Audio.Dsp;

/// <summary>
/// Forward FFT of one real frame: X[k] = Σₙ x[n]·exp(−2πi·kn/N) for k = 0 … N/2 (no scaling, numpy's
/// <c>rfft</c> convention). It runs the same SIMD engine the log-Mel front end uses on batches of frames,
/// so this single-frame form is meant for tests and occasional use, not hot loops.
/// Immutable; safe to share between threads.
/// </summary>
internal sealed class RealFft
{
    private readonly LaneFft _engine;

    /// <summary>Prepares a transform of <paramref name="size"/> samples (a power of two ≥ 2).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not a power of two ≥ 2.</exception>
    public RealFft(int size)
    {
        _engine = new LaneFft(size);
    }

    /// <summary>Frame length N.</summary>
    public int Size => _engine.Size;

    /// <summary>Number of output bins N/2 + 1.</summary>
    public int Bins => _engine.Bins;

    /// <summary>Computes the spectrum of <paramref name="frame"/> (N samples) into <paramref name="real"/> and <paramref name="imaginary"/> (N/2 + 1 values each).</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Forward(ReadOnlySpan<float> frame, Span<float> real, Span<float> imaginary)
    {
        if (frame.Length != Size || real.Length != Bins || imaginary.Length != Bins)
        {
            throw new ArgumentException($"RealFft({Size}) needs a frame of {Size} samples and outputs of {Bins} bins; got {frame.Length}, {real.Length}, {imaginary.Length}.");
        }

        int lanes = LaneFft.Lanes;
        var re = new float[_engine.Rows * lanes];
        var im = new float[_engine.Rows * lanes];
        int[] reverse = _engine.BitReverse;
        for (int n = 0; n < _engine.Rows; n++)
        {
            re[reverse[n] * lanes] = frame[2 * n];
            im[reverse[n] * lanes] = frame[2 * n + 1];
        }

        var outRe = new float[Bins * lanes];
        var outIm = new float[Bins * lanes];
        _engine.Spectrum(re, im, outRe, outIm);
        for (int k = 0; k < Bins; k++)
        {
            real[k] = outRe[k * lanes];
            imaginary[k] = outIm[k * lanes];
        }
    }
}
