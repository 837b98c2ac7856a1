using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GenreML.Audio.Dsp;

namespace GenreML.Audio.Features;

/// <summary>
/// Computes (log-)Mel spectrograms with librosa's conventions, configured by <see cref="LogMelOptions"/>:
/// frames of <c>FftSize</c> samples every <c>HopLength</c> samples (centred on t·hop with zero or reflect
/// padding of FftSize/2 when <c>Center</c> is set), a periodic Hann window of <c>WindowLength</c> samples
/// centred in the frame, the power (or magnitude) of the real FFT, a sparse Mel filter bank
/// (<see cref="MelFilterBank"/>) and optionally decibels with librosa's <c>power_to_db</c> formula.
/// The window, FFT tables and filter bank are built once in the constructor; every call uses its own
/// pooled scratch buffers, so one instance may serve many threads at once.
/// Frames are transformed <see cref="Vector{T}.Count"/> at a time, one per SIMD lane.
/// </summary>
public sealed class LogMelExtractor
{
    private readonly LaneFft _fft;
    private readonly float[] _window;
    private readonly SparseMelBank _bank;

    /// <summary>Validates <paramref name="options"/> and precomputes everything the transform needs.</summary>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public LogMelExtractor(LogMelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _fft = new LaneFft(options.FftSize);
        _window = HannWindow.Centered(options.WindowLength, options.FftSize);
        _bank = new SparseMelBank(MelFilterBank.Create(options));
    }

    /// <summary>The settings this extractor applies.</summary>
    public LogMelOptions Options { get; }

    /// <summary>Number of values <see cref="Compute(ReadOnlySpan{float}, Span{float})"/> writes for <paramref name="sampleCount"/> samples: MelBands × frames.</summary>
    public int OutputLength(int sampleCount) => Options.MelBands * Options.FrameCount(sampleCount);

    /// <summary>
    /// The spectrogram of <paramref name="samples"/> (mono, at <see cref="LogMelOptions.SampleRate"/>),
    /// band-major [MelBands × frames] with frames = <see cref="LogMelOptions.FrameCount"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Reflect padding is asked for a signal not longer than FftSize/2.</exception>
    public Spectrogram Compute(ReadOnlySpan<float> samples)
    {
        int frames = Options.FrameCount(samples.Length);
        var data = new float[Options.MelBands * frames];
        Compute(samples, data);
        return new Spectrogram(data, Options.MelBands, frames);
    }

    /// <summary>
    /// Writes the spectrogram of <paramref name="samples"/> band-major into <paramref name="destination"/>,
    /// which must hold exactly <see cref="OutputLength"/> values; allocates nothing but pooled scratch.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong length, or reflect padding is asked for a signal not longer than FftSize/2.</exception>
    public void Compute(ReadOnlySpan<float> samples, Span<float> destination)
    {
        int frames = Options.FrameCount(samples.Length);
        int expected = Options.MelBands * frames;
        if (destination.Length != expected)
        {
            throw new ArgumentException($"destination holds {destination.Length} values; {samples.Length} samples give {Options.MelBands} bands × {frames} frames = {expected}.", nameof(destination));
        }

        if (frames == 0)
        {
            return;
        }

        int pad = Options.Center ? Options.FftSize / 2 : 0;
        if (Options.Center && Options.PadMode == PadMode.Reflect && samples.Length <= pad)
        {
            throw new ArgumentException($"Reflect padding needs more than FftSize/2 = {pad} samples; the signal has {samples.Length}.", nameof(samples));
        }

        float[]? padded = null;
        int lanes = LaneFft.Lanes;
        float[] re = ArrayPool<float>.Shared.Rent(_fft.Rows * lanes);
        float[] im = ArrayPool<float>.Shared.Rent(_fft.Rows * lanes);
        float[] spectrum = ArrayPool<float>.Shared.Rent(_fft.Bins * lanes);
        try
        {
            ReadOnlySpan<float> source = samples;
            if (pad > 0)
            {
                padded = ArrayPool<float>.Shared.Rent(samples.Length + 2 * pad);
                source = Pad(samples, pad, Options.PadMode, padded);
            }

            Span<int> offsets = stackalloc int[lanes];
            Span<float> melLanes = stackalloc float[lanes];
            Span<float> reRows = re.AsSpan(0, _fft.Rows * lanes);
            Span<float> imRows = im.AsSpan(0, _fft.Rows * lanes);
            Span<float> bins = spectrum.AsSpan(0, _fft.Bins * lanes);
            bool magnitude = Options.Spectrum == SpectrumKind.Magnitude;
            for (int first = 0; first < frames; first += lanes)
            {
                int count = Math.Min(lanes, frames - first);
                for (int l = 0; l < lanes; l++)
                {
                    // Spare lanes repeat the last frame; their results are not written out.
                    offsets[l] = (first + Math.Min(l, count - 1)) * Options.HopLength;
                }

                LoadFrames(source, offsets, reRows, imRows);
                _fft.Power(reRows, imRows, bins, magnitude);
                ApplyMelBank(bins, destination, frames, first, count, melLanes);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(re);
            ArrayPool<float>.Shared.Return(im);
            ArrayPool<float>.Shared.Return(spectrum);
            if (padded is not null)
            {
                ArrayPool<float>.Shared.Return(padded);
            }
        }

        if (Options.ToDecibels)
        {
            DecibelScale.Apply(destination, Options);
        }
    }

    private static ReadOnlySpan<float> Pad(ReadOnlySpan<float> samples, int pad, PadMode mode, float[] buffer)
    {
        int length = samples.Length;
        Span<float> padded = buffer.AsSpan(0, length + 2 * pad);
        samples.CopyTo(padded.Slice(pad));
        if (mode == PadMode.Constant)
        {
            padded.Slice(0, pad).Clear();
            padded.Slice(pad + length, pad).Clear();
        }
        else
        {
            // Mirror without repeating the edge sample: x[-j] = x[j], x[n-1+j] = x[n-1-j].
            for (int j = 1; j <= pad; j++)
            {
                padded[pad - j] = samples[j];
                padded[pad + length - 1 + j] = samples[length - 1 - j];
            }
        }

        return padded;
    }

    /// <summary>Windows the frames starting at <paramref name="offsets"/> and packs them lane-interleaved in bit-reversed row order.</summary>
    private void LoadFrames(ReadOnlySpan<float> source, ReadOnlySpan<int> offsets, Span<float> re, Span<float> im)
    {
        int lanes = offsets.Length;
        int rows = _fft.Rows;
        int[] reverse = _fft.BitReverse;
        ref float src = ref MemoryMarshal.GetReference(source);
        ref float window = ref MemoryMarshal.GetArrayDataReference(_window);
        ref Vector<float> reVec = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<float, Vector<float>>(re));
        ref Vector<float> imVec = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<float, Vector<float>>(im));
        Span<float> even = stackalloc float[lanes];
        Span<float> odd = stackalloc float[lanes];
        for (int n = 0; n < rows; n++)
        {
            int at = 2 * n;
            for (int l = 0; l < lanes; l++)
            {
                ref float frame = ref Unsafe.Add(ref src, offsets[l] + at);
                even[l] = frame;
                odd[l] = Unsafe.Add(ref frame, 1);
            }

            int row = reverse[n];
            Unsafe.Add(ref reVec, row) = new Vector<float>(even) * new Vector<float>(Unsafe.Add(ref window, at));
            Unsafe.Add(ref imVec, row) = new Vector<float>(odd) * new Vector<float>(Unsafe.Add(ref window, at + 1));
        }
    }

    private void ApplyMelBank(ReadOnlySpan<float> bins, Span<float> destination, int frames, int first, int count, Span<float> melLanes)
    {
        ref Vector<float> spectrum = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<float, Vector<float>>(bins));
        int lanes = melLanes.Length;
        for (int b = 0; b < _bank.Bands; b++)
        {
            float[] weights = _bank.Weights[b];
            ref Vector<float> start = ref Unsafe.Add(ref spectrum, _bank.Starts[b]);
            Vector<float> sum = Vector<float>.Zero;
            for (int k = 0; k < weights.Length; k++)
            {
                sum += new Vector<float>(weights[k]) * Unsafe.Add(ref start, k);
            }

            Span<float> target = destination.Slice(b * frames + first, count);
            if (count == lanes)
            {
                sum.CopyTo(target);
            }
            else
            {
                sum.CopyTo(melLanes);
                melLanes.Slice(0, count).CopyTo(target);
            }
        }
    }
}
