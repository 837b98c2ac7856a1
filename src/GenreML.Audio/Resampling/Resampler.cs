using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GenreML.Audio.Decoding;
using GenreML.Audio.Dsp;

namespace GenreML.Audio.Resampling;

/// <summary>
/// Band-limited resampling by a windowed-sinc polyphase filter, equal to torchaudio 0.13's
/// <c>torchaudio.functional.resample</c> with its defaults (<c>sinc_interpolation</c> i.e. a Hann (cos²)
/// window, <c>lowpass_filter_width=6</c>, <c>rolloff=0.99</c>). The rates are reduced by their gcd to
/// L = to/g output phases and a stride of M = from/g input samples; output sample n·L + j is the dot
/// product of the input around n·M with phase j's kernel, the signal being zero outside its ends.
/// The output has ceil(length·L/M) samples. The kernels are computed once per instance (in double
/// precision, only their nonzero taps kept); an instance is immutable and safe to share between threads.
/// </summary>
public sealed class Resampler
{
    private const int LowpassFilterWidth = 6;
    private const double Rolloff = 0.99;
    private static readonly ConcurrentDictionary<(int From, int To), Resampler> Cache = new();

    private readonly int _stride;
    private readonly int _phases;
    private readonly int[] _firstTap;
    private readonly int[] _tapCounts;
    private readonly float[][] _kernels;
    private int _minFirstTap;

    /// <summary>Prepares the kernels for converting <paramref name="fromRate"/> Hz to <paramref name="toRate"/> Hz.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not positive.</exception>
    public Resampler(int fromRate, int toRate)
    {
        if (fromRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fromRate), fromRate, "The source sample rate must be positive.");
        }

        if (toRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(toRate), toRate, "The target sample rate must be positive.");
        }

        FromRate = fromRate;
        ToRate = toRate;
        int gcd = Gcd(fromRate, toRate);
        _stride = fromRate / gcd;
        _phases = toRate / gcd;
        _firstTap = new int[_phases];
        _tapCounts = new int[_phases];
        _kernels = new float[_phases][];
        if (fromRate != toRate)
        {
            BuildKernels();
        }
    }

    /// <summary>Source sample rate in Hz.</summary>
    public int FromRate { get; }

    /// <summary>Target sample rate in Hz.</summary>
    public int ToRate { get; }

    /// <summary>
    /// Resamples <paramref name="input"/> from <paramref name="fromRate"/> to <paramref name="toRate"/> Hz
    /// (a copy when the rates are equal). Kernels are cached per rate pair, so repeated calls are cheap.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not positive.</exception>
    /// <exception cref="ArgumentException">A sample is NaN or infinite.</exception>
    public static float[] Resample(ReadOnlySpan<float> input, int fromRate, int toRate)
    {
        if (fromRate == toRate && fromRate > 0)
        {
            SampleChecks.ThrowIfNotFinite(input, nameof(input));
            return input.ToArray();
        }

        Resampler resampler = Cache.GetOrAdd((fromRate, toRate), static key => new Resampler(key.From, key.To));
        return resampler.Process(input);
    }

    /// <summary>
    /// <paramref name="signal"/> at <paramref name="toRate"/> Hz (the same instance when it already is);
    /// the source channel count is carried over.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toRate"/> is not positive.</exception>
    /// <exception cref="ArgumentException">A sample is NaN or infinite.</exception>
    public static AudioSignal Resample(AudioSignal signal, int toRate)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.SampleRate == toRate)
        {
            return signal;
        }

        return new AudioSignal(Resample(signal.Samples, signal.SampleRate, toRate), toRate, signal.SourceChannels, signal.Warning);
    }

    /// <summary>Number of output samples for <paramref name="inputLength"/> input samples: ceil(inputLength·to/from) on the gcd-reduced rates.</summary>
    public int OutputLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        return (int)(((long)inputLength * _phases + _stride - 1) / _stride);
    }

    /// <summary>Resamples <paramref name="input"/> into a new array of <see cref="OutputLength"/> samples.</summary>
    public float[] Process(ReadOnlySpan<float> input)
    {
        var output = new float[OutputLength(input.Length)];
        Process(input, output);
        return output;
    }

    /// <summary>Resamples <paramref name="input"/> into <paramref name="output"/>, which must hold exactly <see cref="OutputLength"/> samples.</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> has the wrong length, or a sample is NaN or infinite.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Process(ReadOnlySpan<float> input, Span<float> output)
    {
        int expected = OutputLength(input.Length);
        if (output.Length != expected)
        {
            throw new ArgumentException($"output holds {output.Length} samples; {input.Length} samples at {FromRate} Hz give {expected} at {ToRate} Hz.", nameof(output));
        }

        SampleChecks.ThrowIfNotFinite(input, nameof(input));
        if (FromRate == ToRate)
        {
            input.CopyTo(output);
            return;
        }

        Produce(input, 0, input.Length, 0, output);
    }

    /// <summary>
    /// Resamples a decoded stream as it is read: the returned source gives <paramref name="source"/>'s samples at
    /// <paramref name="toRate"/> Hz, exactly the samples <see cref="Resample(ReadOnlySpan{float}, int, int)"/> gives for the
    /// whole signal, while holding only a filter's length of input. It owns <paramref name="source"/> (disposing it
    /// disposes the source); when the rates are equal, <paramref name="source"/> itself is returned.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toRate"/> is not positive.</exception>
    public static MonoAudioSource Resample(MonoAudioSource source, int toRate)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        if (source.SampleRate == toRate)
        {
            return source;
        }

        return new ResampledSource(source, Cache.GetOrAdd((source.SampleRate, toRate), static key => new Resampler(key.From, key.To)));
    }

    /// <summary>
    /// The input sample (absolute index) from which output <paramref name="next"/> and every later output may read:
    /// earlier input can be dropped.
    /// </summary>
    internal long FirstInputNeeded(long next) => Math.Max(0, next / _phases * _stride + _minFirstTap);

    /// <summary>
    /// The number of outputs from <paramref name="next"/> on (at most <paramref name="limit"/>) that can be computed
    /// with <paramref name="received"/> input samples: all of them up to <see cref="OutputLength"/> once
    /// <paramref name="ended"/>, else those whose taps all lie in the input received.
    /// </summary>
    internal int Ready(long next, long received, bool ended, int limit)
    {
        if (ended)
        {
            return (int)Math.Clamp(((received * _phases) + _stride - 1) / _stride - next, 0, limit);
        }

        int count = 0;
        long block = next / _phases;
        int phase = (int)(next % _phases);
        while (count < limit && block * _stride + _firstTap[phase] + _kernels[phase].Length <= received)
        {
            count++;
            if (++phase == _phases)
            {
                phase = 0;
                block++;
            }
        }

        return count;
    }

    /// <summary>
    /// The one computation of output samples, for the whole signal and for streams alike: writes outputs
    /// <paramref name="first"/> … first + output.Length − 1 from <paramref name="input"/>, which holds input samples
    /// <paramref name="inputStart"/> … inputStart + input.Length − 1 of a signal of <paramref name="inputLength"/> samples
    /// (<see cref="long.MaxValue"/> while the end is not known; the caller then asks only for outputs that are
    /// <see cref="Ready"/>). A kernel that lies inside the signal is one vector product; near the ends only the taps
    /// that fall on the signal count (zeros lie outside it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Produce(ReadOnlySpan<float> input, long inputStart, long inputLength, long first, Span<float> output)
    {
        long block = first / _phases;
        int phase = (int)(first % _phases);
        for (int m = 0; m < output.Length; m++)
        {
            float[] kernel = _kernels[phase];
            long start = block * _stride + _firstTap[phase];
            if (start >= 0 && start + kernel.Length <= inputLength)
            {
                output[m] = VectorDot(input.Slice((int)(start - inputStart), kernel.Length), kernel);
            }
            else
            {
                long from = Math.Max(0, -start);
                long to = inputLength == long.MaxValue ? _tapCounts[phase] : Math.Min(_tapCounts[phase], inputLength - start);
                float sum = 0f;
                for (long k = from; k < to; k++)
                {
                    sum += input[(int)(start + k - inputStart)] * kernel[k];
                }

                output[m] = sum;
            }

            if (++phase == _phases)
            {
                phase = 0;
                block++;
            }
        }
    }

    private void BuildKernels()
    {
        double baseFreq = Math.Min(_stride, _phases) * Rolloff;
        int width = (int)Math.Ceiling(LowpassFilterWidth * _stride / baseFreq);
        double scale = baseFreq / _stride;
        int taps = 2 * width + _stride;
        for (int j = 0; j < _phases; j++)
        {
            // Tap k multiplies input sample block·stride + k − width; t is its distance in filter units.
            int first = -1, last = -1;
            var values = new double[taps];
            for (int k = 0; k < taps; k++)
            {
                double t = (-(double)j / _phases + (double)(k - width) / _stride) * baseFreq;
                if (Math.Abs(t) >= LowpassFilterWidth)
                {
                    continue;
                }

                double window = Math.Cos(t * Math.PI / LowpassFilterWidth / 2);
                double sinc = t == 0 ? 1.0 : Math.Sin(Math.PI * t) / (Math.PI * t);
                values[k] = sinc * window * window * scale;
                if (first < 0)
                {
                    first = k;
                }

                last = k;
            }

            // Kernels are zero-padded to whole vectors so the inner product needs no scalar tail.
            _firstTap[j] = first - width;
            _minFirstTap = Math.Min(_minFirstTap, _firstTap[j]);
            _tapCounts[j] = last - first + 1;
            int lanes = Vector<float>.Count;
            _kernels[j] = new float[(_tapCounts[j] + lanes - 1) / lanes * lanes];
            for (int k = first; k <= last; k++)
            {
                _kernels[j][k - first] = (float)values[k];
            }
        }
    }

    /// <summary>Dot product of two spans whose length is a multiple of the vector width.</summary>
    private static float VectorDot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        Vector<float> acc = Vector<float>.Zero;
        for (int i = 0; i < va.Length; i++)
        {
            acc += va[i] * vb[i];
        }

        return Vector.Sum(acc);
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
