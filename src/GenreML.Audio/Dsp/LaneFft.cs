using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GenreML.Audio.Dsp;

/// <summary>
/// Real FFT of <see cref="Vector{T}.Count"/> frames at once: every SIMD lane holds a different frame,
/// so each butterfly is one vector operation for all of them and no stage needs shuffles.
/// A real frame of N samples is packed as N/2 complex points z[n] = x[2n] + i·x[2n+1], loaded in
/// bit-reversed order (<see cref="BitReverse"/>), transformed by an iterative radix-2² decimation in
/// time with per-stage twiddle tables, and split into the N/2 + 1 bins of the real spectrum.
/// Buffers are lane-interleaved: value of row r in lane l is at <c>r * Lanes + l</c>.
/// Instances are immutable and safe to share between threads; callers own the buffers.
/// </summary>
internal sealed class LaneFft
{
    private readonly float[] _stageCos;
    private readonly float[] _stageSin;
    private readonly float[] _splitCos;
    private readonly float[] _splitSin;

    /// <summary>Prepares the tables for real frames of <paramref name="size"/> samples (a power of two ≥ 2).</summary>
    public LaneFft(int size)
    {
        if (size < 2 || (size & (size - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "FFT size must be a power of two ≥ 2.");
        }

        Size = size;
        int half = size / 2;
        BitReverse = BuildBitReverse(half);

        // Stage with butterfly span h uses w_j = exp(-2πi·j/(2h)), j < h, stored at offset h - 1.
        _stageCos = new float[Math.Max(1, half - 1)];
        _stageSin = new float[Math.Max(1, half - 1)];
        for (int h = 1; h < half; h *= 2)
        {
            for (int j = 0; j < h; j++)
            {
                double angle = -Math.PI * j / h;
                _stageCos[h - 1 + j] = (float)Math.Cos(angle);
                _stageSin[h - 1 + j] = (float)Math.Sin(angle);
            }
        }

        // Split twiddles W^k = exp(-2πi·k/N), k < N/2.
        _splitCos = new float[half];
        _splitSin = new float[half];
        for (int k = 0; k < half; k++)
        {
            double angle = -2.0 * Math.PI * k / size;
            _splitCos[k] = (float)Math.Cos(angle);
            _splitSin[k] = (float)Math.Sin(angle);
        }
    }

    /// <summary>Number of frames processed together (the SIMD width in floats).</summary>
    public static int Lanes => Vector<float>.Count;

    /// <summary>Real frame length N.</summary>
    public int Size { get; }

    /// <summary>Number of complex rows N/2.</summary>
    public int Rows => Size / 2;

    /// <summary>Number of spectrum bins N/2 + 1.</summary>
    public int Bins => Size / 2 + 1;

    /// <summary>Row that sample pair n (samples 2n and 2n+1) must be loaded into.</summary>
    public int[] BitReverse { get; }

    /// <summary>
    /// Transforms the packed frames in place and writes the power |X[k]|² (or magnitude |X[k]| when
    /// <paramref name="magnitude"/> is set) of bins k = 0 … N/2 to <paramref name="spectrum"/>.
    /// </summary>
    /// <param name="re">Real parts, Rows × Lanes, loaded in bit-reversed row order; overwritten.</param>
    /// <param name="im">Imaginary parts, same layout; overwritten.</param>
    /// <param name="spectrum">Bins × Lanes values.</param>
    /// <param name="magnitude">Whether to take the square root of the power.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Power(Span<float> re, Span<float> im, Span<float> spectrum, bool magnitude)
    {
        CheckLengths(re, im, spectrum);
        Transform(re, im);
        var vre = MemoryMarshal.Cast<float, Vector<float>>(re);
        var vim = MemoryMarshal.Cast<float, Vector<float>>(im);
        var vout = MemoryMarshal.Cast<float, Vector<float>>(spectrum);
        int half = Rows;
        ref Vector<float> r = ref MemoryMarshal.GetReference(vre);
        ref Vector<float> i = ref MemoryMarshal.GetReference(vim);
        ref Vector<float> o = ref MemoryMarshal.GetReference(vout);
        var oneHalf = new Vector<float>(0.5f);

        Vector<float> dc = r + i;
        Vector<float> nyquist = r - i;
        Unsafe.Add(ref o, 0) = dc * dc;
        Unsafe.Add(ref o, half) = nyquist * nyquist;
        for (int k = 1; k < half; k++)
        {
            SplitBin(ref r, ref i, k, half, oneHalf, out Vector<float> xr, out Vector<float> xi);
            Unsafe.Add(ref o, k) = xr * xr + xi * xi;
        }

        if (magnitude)
        {
            for (int k = 0; k <= half; k++)
            {
                Unsafe.Add(ref o, k) = Vector.SquareRoot(Unsafe.Add(ref o, k));
            }
        }
    }

    /// <summary>
    /// Transforms the packed frames in place and writes the complex spectrum X[k], k = 0 … N/2,
    /// to <paramref name="outRe"/> and <paramref name="outIm"/> (each Bins × Lanes).
    /// </summary>
    public void Spectrum(Span<float> re, Span<float> im, Span<float> outRe, Span<float> outIm)
    {
        CheckLengths(re, im, outRe);
        CheckLengths(re, im, outIm);
        Transform(re, im);
        var vre = MemoryMarshal.Cast<float, Vector<float>>(re);
        var vim = MemoryMarshal.Cast<float, Vector<float>>(im);
        var ore = MemoryMarshal.Cast<float, Vector<float>>(outRe);
        var oim = MemoryMarshal.Cast<float, Vector<float>>(outIm);
        int half = Rows;
        ref Vector<float> r = ref MemoryMarshal.GetReference(vre);
        ref Vector<float> i = ref MemoryMarshal.GetReference(vim);
        var oneHalf = new Vector<float>(0.5f);
        ore[0] = r + i;
        oim[0] = Vector<float>.Zero;
        ore[half] = r - i;
        oim[half] = Vector<float>.Zero;
        for (int k = 1; k < half; k++)
        {
            SplitBin(ref r, ref i, k, half, oneHalf, out Vector<float> xr, out Vector<float> xi);
            ore[k] = xr;
            oim[k] = xi;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SplitBin(ref Vector<float> r, ref Vector<float> i, int k, int half, Vector<float> oneHalf, out Vector<float> xr, out Vector<float> xi)
    {
        // With A = Z[k], B = Z[N/2 - k]: even part E = (A + conj B)/2, odd part O = (A - conj B)/(2i),
        // X[k] = E + W^k·O.
        Vector<float> ar = Unsafe.Add(ref r, k);
        Vector<float> ai = Unsafe.Add(ref i, k);
        Vector<float> br = Unsafe.Add(ref r, half - k);
        Vector<float> bi = Unsafe.Add(ref i, half - k);
        Vector<float> er = (ar + br) * oneHalf;
        Vector<float> ei = (ai - bi) * oneHalf;
        Vector<float> odr = (ai + bi) * oneHalf;
        Vector<float> odi = (br - ar) * oneHalf;
        var c = new Vector<float>(_splitCos[k]);
        var s = new Vector<float>(_splitSin[k]);
        xr = er + c * odr - s * odi;
        xi = ei + c * odi + s * odr;
    }

    /// <summary>
    /// In-place decimation-in-time FFT of the bit-reversed rows. Stages run two at a time (radix 2²):
    /// the spans h and 2h together in one pass over the data, which halves the trips through memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Transform(Span<float> re, Span<float> im)
    {
        int half = Rows;
        ref Vector<float> r = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<float, Vector<float>>(re));
        ref Vector<float> i = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<float, Vector<float>>(im));
        int h = 1;
        if (half >= 4)
        {
            for (int b = 0; b < half; b += 4)
            {
                FirstRadix4(ref Unsafe.Add(ref r, b), ref Unsafe.Add(ref i, b));
            }

            h = 4;
        }

        for (; 4 * h <= half; h *= 4)
        {
            Radix4Pass(ref r, ref i, half, h);
        }

        if (2 * h <= half)
        {
            Radix2Pass(ref r, ref i, half, h);
        }
    }

    /// <summary>Spans 1 and 2 on four rows: all twiddles are 1 or −i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FirstRadix4(ref Vector<float> r, ref Vector<float> i)
    {
        Vector<float> r0 = r, i0 = i;
        Vector<float> r1 = Unsafe.Add(ref r, 1), i1 = Unsafe.Add(ref i, 1);
        Vector<float> r2 = Unsafe.Add(ref r, 2), i2 = Unsafe.Add(ref i, 2);
        Vector<float> r3 = Unsafe.Add(ref r, 3), i3 = Unsafe.Add(ref i, 3);
        Vector<float> b0r = r0 + r1, b0i = i0 + i1;
        Vector<float> b1r = r0 - r1, b1i = i0 - i1;
        Vector<float> b2r = r2 + r3, b2i = i2 + i3;
        Vector<float> b3r = r2 - r3, b3i = i2 - i3;

        // −i·b3 = (b3i, −b3r)
        r = b0r + b2r;
        i = b0i + b2i;
        Unsafe.Add(ref r, 2) = b0r - b2r;
        Unsafe.Add(ref i, 2) = b0i - b2i;
        Unsafe.Add(ref r, 1) = b1r + b3i;
        Unsafe.Add(ref i, 1) = b1i - b3r;
        Unsafe.Add(ref r, 3) = b1r - b3i;
        Unsafe.Add(ref i, 3) = b1i + b3r;
    }

    /// <summary>Spans h and 2h: blocks of 4h rows, twiddles w1 = exp(−πij/h) and w2 = exp(−πij/(2h)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Radix4Pass(ref Vector<float> r, ref Vector<float> i, int half, int h)
    {
        ref float cos1 = ref _stageCos[h - 1];
        ref float sin1 = ref _stageSin[h - 1];
        ref float cos2 = ref _stageCos[2 * h - 1];
        ref float sin2 = ref _stageSin[2 * h - 1];
        for (int b = 0; b < half; b += 4 * h)
        {
            ref Vector<float> rb = ref Unsafe.Add(ref r, b);
            ref Vector<float> ib = ref Unsafe.Add(ref i, b);
            for (int j = 0; j < h; j++)
            {
                var w1r = new Vector<float>(Unsafe.Add(ref cos1, j));
                var w1i = new Vector<float>(Unsafe.Add(ref sin1, j));
                var w2r = new Vector<float>(Unsafe.Add(ref cos2, j));
                var w2i = new Vector<float>(Unsafe.Add(ref sin2, j));
                ref Vector<float> p0r = ref Unsafe.Add(ref rb, j);
                ref Vector<float> p0i = ref Unsafe.Add(ref ib, j);
                ref Vector<float> p1r = ref Unsafe.Add(ref rb, j + h);
                ref Vector<float> p1i = ref Unsafe.Add(ref ib, j + h);
                ref Vector<float> p2r = ref Unsafe.Add(ref rb, j + 2 * h);
                ref Vector<float> p2i = ref Unsafe.Add(ref ib, j + 2 * h);
                ref Vector<float> p3r = ref Unsafe.Add(ref rb, j + 3 * h);
                ref Vector<float> p3i = ref Unsafe.Add(ref ib, j + 3 * h);

                // Span h: (a0, a1) and (a2, a3) with w1.
                Vector<float> t1r = p1r * w1r - p1i * w1i, t1i = p1r * w1i + p1i * w1r;
                Vector<float> t3r = p3r * w1r - p3i * w1i, t3i = p3r * w1i + p3i * w1r;
                Vector<float> b0r = p0r + t1r, b0i = p0i + t1i;
                Vector<float> b1r = p0r - t1r, b1i = p0i - t1i;
                Vector<float> b2r = p2r + t3r, b2i = p2i + t3i;
                Vector<float> b3r = p2r - t3r, b3i = p2i - t3i;

                // Span 2h: (b0, b2) with w2 and (b1, b3) with −i·w2.
                Vector<float> u2r = b2r * w2r - b2i * w2i, u2i = b2r * w2i + b2i * w2r;
                Vector<float> u3r = b3r * w2i + b3i * w2r, u3i = b3i * w2i - b3r * w2r;
                p0r = b0r + u2r;
                p0i = b0i + u2i;
                p2r = b0r - u2r;
                p2i = b0i - u2i;
                p1r = b1r + u3r;
                p1i = b1i + u3i;
                p3r = b1r - u3r;
                p3i = b1i - u3i;
            }
        }
    }

    /// <summary>One radix-2 stage of span h (used when the number of stages is odd).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Radix2Pass(ref Vector<float> r, ref Vector<float> i, int half, int h)
    {
        ref float cosBase = ref _stageCos[h - 1];
        ref float sinBase = ref _stageSin[h - 1];
        for (int b = 0; b < half; b += 2 * h)
        {
            ref Vector<float> r0 = ref Unsafe.Add(ref r, b);
            ref Vector<float> i0 = ref Unsafe.Add(ref i, b);
            ref Vector<float> r1 = ref Unsafe.Add(ref r, b + h);
            ref Vector<float> i1 = ref Unsafe.Add(ref i, b + h);
            for (int j = 0; j < h; j++)
            {
                var wr = new Vector<float>(Unsafe.Add(ref cosBase, j));
                var wi = new Vector<float>(Unsafe.Add(ref sinBase, j));
                Vector<float> xr = Unsafe.Add(ref r1, j);
                Vector<float> xi = Unsafe.Add(ref i1, j);
                Vector<float> tr = xr * wr - xi * wi;
                Vector<float> ti = xr * wi + xi * wr;
                Vector<float> ur = Unsafe.Add(ref r0, j);
                Vector<float> ui = Unsafe.Add(ref i0, j);
                Unsafe.Add(ref r1, j) = ur - tr;
                Unsafe.Add(ref i1, j) = ui - ti;
                Unsafe.Add(ref r0, j) = ur + tr;
                Unsafe.Add(ref i0, j) = ui + ti;
            }
        }
    }

    private void CheckLengths(Span<float> re, Span<float> im, Span<float> output)
    {
        int rows = Rows * Lanes;
        if (re.Length != rows || im.Length != rows || output.Length != Bins * Lanes)
        {
            throw new ArgumentException($"LaneFft({Size}) needs {rows} real and imaginary values and {Bins * Lanes} outputs; got {re.Length}, {im.Length}, {output.Length}.");
        }
    }

    private static int[] BuildBitReverse(int count)
    {
        int bits = 0;
        while ((1 << bits) < count)
        {
            bits++;
        }

        var table = new int[count];
        for (int n = 0; n < count; n++)
        {
            int reversed = 0;
            for (int b = 0; b < bits; b++)
            {
                reversed |= ((n >> b) & 1) << (bits - 1 - b);
            }

            table[n] = reversed;
        }

        return table;
    }
}
