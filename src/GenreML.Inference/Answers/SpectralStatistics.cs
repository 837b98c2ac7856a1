using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GenreML.Audio.Features;

namespace GenreML.Inference.Answers;

/// <summary>
/// Gathers <see cref="MusicEvidence"/>'s spectral statistics from a log-Mel spectrogram (dB) that arrives in
/// blocks of frames, in frame order, with the same arithmetic in the same order as for a whole spectrogram
/// (which is one block). Keeps three numbers per frame (24 bytes; the 95th-percentile energy needs them all),
/// in arrays of the clip's frame count when it is known in advance (a streamed clip's, from pass 1).
/// Where <see cref="VectorLibm.IsExact"/>, four frames go at once, one per vector lane (each frame's sums still
/// run over the bands in order, and the flux over frames then bands), so the statistics are bit for bit the same.
/// </summary>
internal sealed class SpectralStatistics
{
    private const int Lanes = 4;

    private readonly int _bands;
    private readonly float[] _previous;
    private readonly double[] _differences;
    private double[] _flatness;
    private double[] _energy;
    private double[] _centroid;
    private int _frames;
    private double _flux;

    /// <summary>Statistics of a spectrogram of <paramref name="bands"/> bands and about <paramref name="frames"/> frames.</summary>
    public SpectralStatistics(int bands, int frames)
    {
        _bands = bands;
        _previous = new float[bands];
        _differences = new double[bands * Lanes];
        _flatness = new double[frames];
        _energy = new double[frames];
        _centroid = new double[frames];
    }

    /// <summary>Adds the next frames.</summary>
    /// <exception cref="ArgumentException">The block has another band count.</exception>
    public void Add(Spectrogram block)
    {
        if (block.Bands != _bands)
            throw new ArgumentException($"the block has {block.Bands} bands, expected {_bands}", nameof(block));
        if (_frames + block.Frames > _flatness.Length)
        {
            int capacity = Math.Max(_frames + block.Frames, 2 * _flatness.Length);
            Array.Resize(ref _flatness, capacity);
            Array.Resize(ref _energy, capacity);
            Array.Resize(ref _centroid, capacity);
        }

        int t = 0;
        if (VectorLibm.IsExact)
        {
            for (; t + Lanes <= block.Frames; t += Lanes)
            {
                AddFourFrames(block, t);
            }
        }

        for (; t < block.Frames; t++)
        {
            AddFrame(block, t);
        }
    }

    /// <summary>The statistics of all the frames added (<see cref="MusicEvidence.SpectralCount"/> values).</summary>
    public double[] Result()
    {
        if (_frames != _flatness.Length)
        {
            Array.Resize(ref _flatness, _frames);
            Array.Resize(ref _energy, _frames);
            Array.Resize(ref _centroid, _frames);
        }

        return MusicEvidence.Spectral(_flatness, _energy, _centroid, _flux, _bands);
    }

    /// <summary>Frame <paramref name="t"/> of the block, one band at a time (the reference arithmetic).</summary>
    private void AddFrame(Spectrogram block, int t)
    {
        bool hasPrevious = _frames > 0;
        double sum = 0, logSum = 0, weighted = 0;
        for (int b = 0; b < _bands; b++)
        {
            double db = block[b, t];
            double power = Math.Pow(10, db / 10);
            sum += power;
            logSum += Math.Log(Math.Max(power, 1e-12));
            weighted += b * power;
            if (hasPrevious)
            {
                _flux += Math.Abs(db - _previous[b]);
            }

            _previous[b] = (float)db;
        }

        EndFrame(sum, logSum, weighted);
    }

    /// <summary>
    /// Frames t … t + 3 of the block, one per lane: the same operations per frame and band as <see cref="AddFrame"/>
    /// (10^(dB/10) and the logarithm by <see cref="VectorLibm"/>, or <see cref="Math"/> for values it does not cover),
    /// the flux differences kept per band and added frame by frame afterwards.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddFourFrames(Spectrogram block, int t)
    {
        int frames = block.Frames;
        ref float data = ref MemoryMarshal.GetArrayDataReference(block.Data);
        ref double differences = ref MemoryMarshal.GetArrayDataReference(_differences);
        Vector256<double> sum = Vector256<double>.Zero, logSum = Vector256<double>.Zero, weighted = Vector256<double>.Zero;
        var ten = Vector256.Create(10.0);
        var floor = Vector256.Create(1e-12);
        for (int b = 0; b < _bands; b++)
        {
            ref float row = ref Unsafe.Add(ref data, b * frames + t);
            Vector128<float> current = Vector128.LoadUnsafe(ref row);
            Vector128<float> previous = t > 0
                ? Vector128.LoadUnsafe(ref Unsafe.Add(ref row, -1))
                : Vector128.Create(_previous[b], row, Unsafe.Add(ref row, 1), Unsafe.Add(ref row, 2));
            Vector256<double> db = Avx.ConvertToVector256Double(current);
            Vector256<double> y = Avx.Divide(db, ten);
            Vector256<double> power = VectorLibm.CoversPowerOfTen(y)
                ? VectorLibm.PowerOfTen(y)
                : Vector256.Create(Math.Pow(10, y.GetElement(0)), Math.Pow(10, y.GetElement(1)), Math.Pow(10, y.GetElement(2)), Math.Pow(10, y.GetElement(3)));
            Vector256<double> floored = Vector256.Max(power, floor);
            Vector256<double> log = VectorLibm.CoversLog(floored)
                ? VectorLibm.Log(floored)
                : Vector256.Create(Math.Log(floored.GetElement(0)), Math.Log(floored.GetElement(1)), Math.Log(floored.GetElement(2)), Math.Log(floored.GetElement(3)));
            sum = Avx.Add(sum, power);
            logSum = Avx.Add(logSum, log);
            weighted = Avx.Add(weighted, Avx.Multiply(Vector256.Create((double)b), power));
            Vector256.Abs(Avx.Subtract(db, Avx.ConvertToVector256Double(previous))).StoreUnsafe(ref differences, (nuint)(b * Lanes));
            _previous[b] = Unsafe.Add(ref row, Lanes - 1);
        }

        for (int lane = 0; lane < Lanes; lane++)
        {
            if (_frames > 0)
            {
                double flux = _flux;
                for (int b = 0; b < _bands; b++)
                {
                    flux += Unsafe.Add(ref differences, b * Lanes + lane);
                }

                _flux = flux;
            }

            EndFrame(sum.GetElement(lane), logSum.GetElement(lane), weighted.GetElement(lane));
        }
    }

    /// <summary>Stores the frame's flatness, energy and centroid from its sums over the bands.</summary>
    private void EndFrame(double sum, double logSum, double weighted)
    {
        int bands = _bands;
        _flatness[_frames] = sum > 0 ? Math.Exp(logSum / bands) / (sum / bands) : 1;
        _energy[_frames] = 10 * Math.Log10(Math.Max(sum, 1e-12));
        _centroid[_frames] = sum > 0 ? weighted / sum / Math.Max(1, bands - 1) : 0;
        _frames++;
    }
}
