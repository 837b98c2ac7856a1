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
    private readonly double[] _powers;
    private readonly double[] _logs;
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
        _powers = new double[bands * Lanes];
        _logs = new double[bands * Lanes];
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
    /// Frames t … t + 3 of the block, one per lane: the same operations per frame and band as <see cref="AddFrame"/>.
    /// 10^(dB/10) and its logarithm come from <see cref="VectorLibm"/> in loops without calls (the rare bands it does
    /// not cover are redone with <see cref="Math"/> afterwards); then the sums run over the bands in order, and the
    /// flux differences, kept per band, are added frame by frame.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddFourFrames(Spectrogram block, int t)
    {
        int bands = _bands;
        int frames = block.Frames;
        ref float data = ref MemoryMarshal.GetArrayDataReference(block.Data);
        ref Vector256<double> powers = ref Unsafe.As<double, Vector256<double>>(ref MemoryMarshal.GetArrayDataReference(_powers));
        ref Vector256<double> logs = ref Unsafe.As<double, Vector256<double>>(ref MemoryMarshal.GetArrayDataReference(_logs));
        ref Vector256<double> differences = ref Unsafe.As<double, Vector256<double>>(ref MemoryMarshal.GetArrayDataReference(_differences));
        ref float previous = ref MemoryMarshal.GetArrayDataReference(_previous);
        var ten = Vector256.Create(10.0);
        bool covered = true;
        for (int b = 0; b < bands; b++)
        {
            ref float row = ref Unsafe.Add(ref data, b * frames + t);
            Vector128<float> before = t > 0
                ? Vector128.LoadUnsafe(ref Unsafe.Add(ref row, -1))
                : Vector128.Create(Unsafe.Add(ref previous, b), row, Unsafe.Add(ref row, 1), Unsafe.Add(ref row, 2));
            Vector256<double> db = Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref row));
            Vector256<double> y = Avx.Divide(db, ten);
            covered &= VectorLibm.CoversPowerOfTen(y);
            Unsafe.Add(ref powers, b) = VectorLibm.PowerOfTen(y);
            Unsafe.Add(ref differences, b) = Vector256.Abs(Avx.Subtract(db, Avx.ConvertToVector256Double(before)));
            Unsafe.Add(ref previous, b) = Unsafe.Add(ref row, Lanes - 1);
        }

        if (!covered)
        {
            PowersWithMath(block, t);
        }

        covered = true;
        var floor = Vector256.Create(1e-12);
        for (int b = 0; b < bands; b++)
        {
            Vector256<double> floored = Vector256.Max(Unsafe.Add(ref powers, b), floor);
            covered &= VectorLibm.CoversLog(floored);
            Unsafe.Add(ref logs, b) = VectorLibm.Log(floored);
        }

        if (!covered)
        {
            LogsWithMath();
        }

        Vector256<double> sum = Vector256<double>.Zero, logSum = Vector256<double>.Zero, weighted = Vector256<double>.Zero;
        for (int b = 0; b < bands; b++)
        {
            Vector256<double> power = Unsafe.Add(ref powers, b);
            sum = Avx.Add(sum, power);
            logSum = Avx.Add(logSum, Unsafe.Add(ref logs, b));
            weighted = Avx.Add(weighted, Avx.Multiply(Vector256.Create((double)b), power));
        }

        ref double difference = ref Unsafe.As<Vector256<double>, double>(ref differences);
        for (int lane = 0; lane < Lanes; lane++)
        {
            if (_frames > 0)
            {
                double flux = _flux;
                for (int b = 0; b < bands; b++)
                {
                    flux += Unsafe.Add(ref difference, b * Lanes + lane);
                }

                _flux = flux;
            }

            EndFrame(sum.GetElement(lane), logSum.GetElement(lane), weighted.GetElement(lane));
        }
    }

    /// <summary>Redoes 10^(dB/10) with <see cref="Math.Pow"/> for the bands of frames t … t + 3 that <see cref="VectorLibm"/> does not cover.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void PowersWithMath(Spectrogram block, int t)
    {
        for (int b = 0; b < _bands; b++)
        {
            var y = Vector256.Create(block[b, t] / 10.0, block[b, t + 1] / 10.0, block[b, t + 2] / 10.0, block[b, t + 3] / 10.0);
            if (!VectorLibm.CoversPowerOfTen(y))
            {
                for (int lane = 0; lane < Lanes; lane++)
                {
                    _powers[b * Lanes + lane] = Math.Pow(10, y.GetElement(lane));
                }
            }
        }
    }

    /// <summary>Redoes the logarithms with <see cref="Math.Log(double)"/> for the bands <see cref="VectorLibm"/> does not cover.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void LogsWithMath()
    {
        for (int b = 0; b < _bands; b++)
        {
            Vector256<double> floored = Vector256.Max(Vector256.Create(_powers[b * Lanes], _powers[b * Lanes + 1], _powers[b * Lanes + 2], _powers[b * Lanes + 3]), Vector256.Create(1e-12));
            if (!VectorLibm.CoversLog(floored))
            {
                for (int lane = 0; lane < Lanes; lane++)
                {
                    _logs[b * Lanes + lane] = Math.Log(Math.Max(_powers[b * Lanes + lane], 1e-12));
                }
            }
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
