using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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
    /// <exception cref="ArgumentException">A sample is NaN or infinite, or reflect padding is asked for a signal not longer than FftSize/2.</exception>
    public Spectrogram Compute(ReadOnlySpan<float> samples)
    {
        int frames = Options.FrameCount(samples.Length);
        var data = new float[Options.MelBands * frames];
        Compute(samples, data);
        return new Spectrogram(data, Options.MelBands, frames);
    }

    /// <summary>The spectrogram of <paramref name="signal"/>, whose rate must be <see cref="LogMelOptions.SampleRate"/>.</summary>
    /// <exception cref="ArgumentException">The signal has another sample rate (resample it first), or another problem of <see cref="Compute(ReadOnlySpan{float})"/>.</exception>
    public Spectrogram Compute(AudioSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.SampleRate != Options.SampleRate)
        {
            throw new ArgumentException($"The signal is at {signal.SampleRate} Hz but the features are defined at {Options.SampleRate} Hz; resample it first (Resampler).", nameof(signal));
        }

        return Compute(signal.Samples);
    }

    /// <summary>
    /// Writes the spectrogram of <paramref name="samples"/> band-major into <paramref name="destination"/>,
    /// which must hold exactly <see cref="OutputLength"/> values; allocates nothing but pooled scratch.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong length, a sample is NaN or infinite, or reflect padding is asked for a signal not longer than FftSize/2.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Compute(ReadOnlySpan<float> samples, Span<float> destination)
    {
        int frames = Options.FrameCount(samples.Length);
        int expected = Options.MelBands * frames;
        if (destination.Length != expected)
        {
            throw new ArgumentException($"destination holds {destination.Length} values; {samples.Length} samples give {Options.MelBands} bands × {frames} frames = {expected}.", nameof(destination));
        }

        SampleChecks.ThrowIfNotFinite(samples, nameof(samples));
        if (frames == 0)
        {
            return;
        }

        ThrowIfTooShortToReflect(samples.Length);
        ComputeFrames(samples, 0, samples.Length, 0, frames, destination, frames, 0);
        if (Options.ToDecibels)
        {
            DecibelScale.Apply(destination, Options);
        }
    }

    /// <summary>Throws when reflect padding is asked for a signal of <paramref name="length"/> samples, not longer than FftSize/2.</summary>
    internal void ThrowIfTooShortToReflect(long length)
    {
        int pad = Options.FftSize / 2;
        if (Options.Center && Options.PadMode == PadMode.Reflect && length <= pad)
        {
            throw new ArgumentException($"Reflect padding needs more than FftSize/2 = {pad} samples; the signal has {length}.", "samples");
        }
    }

    /// <summary>The first sample (absolute index, may be negative) frame <paramref name="frame"/> reads.</summary>
    internal long FrameStart(long frame) => frame * Options.HopLength - (Options.Center ? Options.FftSize / 2 : 0);

    /// <summary>
    /// The one computation of Mel frames (power or magnitude, before decibels), for whole signals and streams alike:
    /// frames <paramref name="firstFrame"/> … firstFrame + count − 1 of a signal of <paramref name="length"/> samples
    /// (<see cref="long.MaxValue"/> while its end is not known: the caller then asks only for frames that lie inside
    /// the samples it holds), of which <paramref name="samples"/> holds samples <paramref name="samplesStart"/> onwards.
    /// Frame f of band b goes to <c>destination[b·stride + column + f − firstFrame]</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void ComputeFrames(ReadOnlySpan<float> samples, long samplesStart, long length, long firstFrame, int count, Span<float> destination, int stride, int column)
    {
        int lanes = LaneFft.Lanes;
        int fftSize = Options.FftSize;
        float[] re = ArrayPool<float>.Shared.Rent(_fft.Rows * lanes);
        float[] im = ArrayPool<float>.Shared.Rent(_fft.Rows * lanes);
        float[] spectrum = ArrayPool<float>.Shared.Rent(_fft.Bins * lanes);
        float[] staging = ArrayPool<float>.Shared.Rent(fftSize * lanes);
        try
        {
            Span<long> starts = stackalloc long[lanes];
            Span<int> offsets = stackalloc int[lanes];
            Span<float> melLanes = stackalloc float[lanes];
            Span<float> reRows = re.AsSpan(0, _fft.Rows * lanes);
            Span<float> imRows = im.AsSpan(0, _fft.Rows * lanes);
            Span<float> bins = spectrum.AsSpan(0, _fft.Bins * lanes);
            bool magnitude = Options.Spectrum == SpectrumKind.Magnitude;
            for (int first = 0; first < count; first += lanes)
            {
                int batch = Math.Min(lanes, count - first);
                bool inside = true;
                for (int l = 0; l < lanes; l++)
                {
                    // Spare lanes repeat the last frame; their results are not written out.
                    starts[l] = FrameStart(firstFrame + first + Math.Min(l, batch - 1));
                    inside &= starts[l] >= 0 && starts[l] + fftSize <= length;
                    offsets[l] = (int)(starts[l] - samplesStart);
                }

                ReadOnlySpan<float> source = samples;
                if (!inside)
                {
                    // A batch with a frame that overhangs an end is copied frame by frame with its padding;
                    // all other batches are read in place.
                    for (int l = 0; l < lanes; l++)
                    {
                        CopyPadded(samples, samplesStart, length, starts[l], staging.AsSpan(l * fftSize, fftSize), Options.PadMode);
                        offsets[l] = l * fftSize;
                    }

                    source = staging.AsSpan(0, lanes * fftSize);
                }

                LoadFrames(source, offsets, reRows, imRows);
                _fft.Power(reRows, imRows, bins, magnitude);
                ApplyMelBank(bins, destination, stride, column + first, batch, melLanes);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(re);
            ArrayPool<float>.Shared.Return(im);
            ArrayPool<float>.Shared.Return(spectrum);
            ArrayPool<float>.Shared.Return(staging);
        }
    }

    /// <summary>
    /// Copies samples start … start + frame.Length − 1 (absolute indices of a signal of <paramref name="length"/>
    /// samples, of which <paramref name="samples"/> holds those from <paramref name="samplesStart"/> on) into
    /// <paramref name="frame"/>, with zeros (<see cref="PadMode.Constant"/>) or the mirror image without the edge
    /// sample (<see cref="PadMode.Reflect"/>: x[−j] = x[j], x[n−1+j] = x[n−1−j]) outside the signal.
    /// </summary>
    private static void CopyPadded(ReadOnlySpan<float> samples, long samplesStart, long length, long start, Span<float> frame, PadMode mode)
    {
        for (int i = 0; i < frame.Length; i++)
        {
            long index = start + i;
            if (mode == PadMode.Reflect)
            {
                index = index < 0 ? -index : index >= length ? 2 * (length - 1) - index : index;
            }

            frame[i] = index >= 0 && index < length ? samples[(int)(index - samplesStart)] : 0f;
        }
    }

    /// <summary>
    /// Windows the frames starting at <paramref name="offsets"/> and packs them lane-interleaved in
    /// bit-reversed row order: with AVX and eight lanes, eight samples of every frame at a time, transposed in
    /// registers (<see cref="LoadFramesTransposed"/>); otherwise with plain scalar stores straight into place
    /// (building vectors from lanes just stored would stall on store-to-load forwarding). Both multiply each
    /// sample by its window weight once, so they give the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void LoadFrames(ReadOnlySpan<float> source, ReadOnlySpan<int> offsets, Span<float> re, Span<float> im)
    {
        int done = Avx.IsSupported && offsets.Length == Vector256<float>.Count ? LoadFramesTransposed(source, offsets, re, im) : 0;
        LoadFramesScalar(source, offsets, re, im, done);
    }

    /// <summary>Rows <paramref name="first"/> onwards of <see cref="LoadFrames"/>, one sample at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void LoadFramesScalar(ReadOnlySpan<float> source, ReadOnlySpan<int> offsets, Span<float> re, Span<float> im, int first)
    {
        int lanes = offsets.Length;
        int rows = _fft.Rows;
        ref int reverse = ref MemoryMarshal.GetArrayDataReference(_fft.BitReverse);
        ref float src = ref MemoryMarshal.GetReference(source);
        ref float window = ref MemoryMarshal.GetArrayDataReference(_window);
        ref float reRef = ref MemoryMarshal.GetReference(re);
        ref float imRef = ref MemoryMarshal.GetReference(im);
        for (int n = first; n < rows; n++)
        {
            int at = 2 * n;
            int row = Unsafe.Add(ref reverse, n) * lanes;
            float evenWeight = Unsafe.Add(ref window, at);
            float oddWeight = Unsafe.Add(ref window, at + 1);
            ref float reRow = ref Unsafe.Add(ref reRef, row);
            ref float imRow = ref Unsafe.Add(ref imRef, row);
            for (int l = 0; l < lanes; l++)
            {
                ref float sample = ref Unsafe.Add(ref src, offsets[l] + at);
                Unsafe.Add(ref reRow, l) = sample * evenWeight;
                Unsafe.Add(ref imRow, l) = Unsafe.Add(ref sample, 1) * oddWeight;
            }
        }
    }

    /// <summary>
    /// Rows four at a time for eight lanes: loads samples 2n … 2n + 7 of each of the eight frames, transposes the
    /// 8 × 8 block (unpack, shuffle, 128-bit permute) so that vector k holds sample 2n + k of every frame, and stores
    /// the windowed vectors into their bit-reversed rows. Returns the rows done (a multiple of 4).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int LoadFramesTransposed(ReadOnlySpan<float> source, ReadOnlySpan<int> offsets, Span<float> re, Span<float> im)
    {
        const int lanes = 8;
        int rows = _fft.Rows & ~3;
        ref int reverse = ref MemoryMarshal.GetArrayDataReference(_fft.BitReverse);
        ref float src = ref MemoryMarshal.GetReference(source);
        ref float window = ref MemoryMarshal.GetArrayDataReference(_window);
        ref float reRef = ref MemoryMarshal.GetReference(re);
        ref float imRef = ref MemoryMarshal.GetReference(im);
        ref float f0 = ref Unsafe.Add(ref src, offsets[0]);
        ref float f1 = ref Unsafe.Add(ref src, offsets[1]);
        ref float f2 = ref Unsafe.Add(ref src, offsets[2]);
        ref float f3 = ref Unsafe.Add(ref src, offsets[3]);
        ref float f4 = ref Unsafe.Add(ref src, offsets[4]);
        ref float f5 = ref Unsafe.Add(ref src, offsets[5]);
        ref float f6 = ref Unsafe.Add(ref src, offsets[6]);
        ref float f7 = ref Unsafe.Add(ref src, offsets[7]);
        for (int n = 0; n < rows; n += 4)
        {
            nuint at = (nuint)(2 * n);
            Vector256<float> a0 = Vector256.LoadUnsafe(ref f0, at), a1 = Vector256.LoadUnsafe(ref f1, at);
            Vector256<float> a2 = Vector256.LoadUnsafe(ref f2, at), a3 = Vector256.LoadUnsafe(ref f3, at);
            Vector256<float> a4 = Vector256.LoadUnsafe(ref f4, at), a5 = Vector256.LoadUnsafe(ref f5, at);
            Vector256<float> a6 = Vector256.LoadUnsafe(ref f6, at), a7 = Vector256.LoadUnsafe(ref f7, at);
            Vector256<float> t0 = Avx.UnpackLow(a0, a1), t1 = Avx.UnpackHigh(a0, a1);
            Vector256<float> t2 = Avx.UnpackLow(a2, a3), t3 = Avx.UnpackHigh(a2, a3);
            Vector256<float> t4 = Avx.UnpackLow(a4, a5), t5 = Avx.UnpackHigh(a4, a5);
            Vector256<float> t6 = Avx.UnpackLow(a6, a7), t7 = Avx.UnpackHigh(a6, a7);
            Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE);
            Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
            Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE);
            Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);

            // Sample 2n + k of the eight frames: k = 0 … 3 from the low halves, 4 … 7 from the high ones.
            ref float weights = ref Unsafe.Add(ref window, 2 * n);
            Store(Avx.Permute2x128(u0, u4, 0x20), Avx.Permute2x128(u1, u5, 0x20), ref weights, 0, ref Unsafe.Add(ref reverse, n), ref reRef, ref imRef);
            Store(Avx.Permute2x128(u2, u6, 0x20), Avx.Permute2x128(u3, u7, 0x20), ref weights, 2, ref Unsafe.Add(ref reverse, n + 1), ref reRef, ref imRef);
            Store(Avx.Permute2x128(u0, u4, 0x31), Avx.Permute2x128(u1, u5, 0x31), ref weights, 4, ref Unsafe.Add(ref reverse, n + 2), ref reRef, ref imRef);
            Store(Avx.Permute2x128(u2, u6, 0x31), Avx.Permute2x128(u3, u7, 0x31), ref weights, 6, ref Unsafe.Add(ref reverse, n + 3), ref reRef, ref imRef);
        }

        return rows;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        static void Store(Vector256<float> even, Vector256<float> odd, ref float weights, int at, ref int row, ref float reRef, ref float imRef)
        {
            nuint offset = (nuint)(row * lanes);
            (even * Vector256.Create(Unsafe.Add(ref weights, at))).StoreUnsafe(ref reRef, offset);
            (odd * Vector256.Create(Unsafe.Add(ref weights, at + 1))).StoreUnsafe(ref imRef, offset);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyMelBank(ReadOnlySpan<float> bins, Span<float> destination, int stride, int column, int count, Span<float> melLanes)
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

            Span<float> target = destination.Slice(b * stride + column, count);
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
