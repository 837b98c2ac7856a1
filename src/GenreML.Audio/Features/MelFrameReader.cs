using GenreML.Audio.Decoding;

namespace GenreML.Audio.Features;

/// <summary>
/// The Mel frames (power or magnitude, before decibels) of a stream at the feature rate, computed as the samples
/// arrive: it keeps only the samples the next frames still read (a frame and a hop, plus FftSize at the end for
/// reflect padding) and computes every frame with <see cref="LogMelExtractor.ComputeFrames"/>, so the frames
/// equal the whole-signal ones. It also sums the squares of the samples in order (the clip's level).
/// Dispose it to return its sample buffer to the pool.
/// </summary>
internal sealed class MelFrameReader : IDisposable
{
    private const int ChunkSamples = 1 << 15;

    private readonly LogMelExtractor _extractor;
    private readonly MonoAudioSource _source;
    private readonly SlidingSamples _samples = new(ChunkSamples);
    private long _next;

    /// <summary>Reads <paramref name="source"/>, whose rate must be the extractor's.</summary>
    public MelFrameReader(LogMelExtractor extractor, MonoAudioSource source)
    {
        if (source.SampleRate != extractor.Options.SampleRate)
        {
            throw new ArgumentException($"{source.SourceName}: the stream is at {source.SampleRate} Hz, the features at {extractor.Options.SampleRate} Hz", nameof(source));
        }

        _extractor = extractor;
        _source = source;
    }

    /// <summary>Samples read so far (all of them once <see cref="Ended"/>).</summary>
    public long Samples => _samples.End;

    /// <summary>Sum of the squares of the samples read, added in order in double precision.</summary>
    public double Energy { get; private set; }

    /// <summary>Whether the source has been read to its end.</summary>
    public bool Ended { get; private set; }

    /// <summary>Frames returned so far.</summary>
    public long Frames => _next;

    /// <summary>
    /// Fills columns 0 … <paramref name="frames"/> − 1 of a band-major block of <paramref name="stride"/> columns
    /// with the next frames, fewer only at the end; returns how many were written (0 at the end).
    /// </summary>
    /// <exception cref="AudioFormatException">The source cannot be decoded.</exception>
    /// <exception cref="ArgumentException">Reflect padding is asked for a signal not longer than FftSize/2.</exception>
    public int ReadBlock(Span<float> destination, int stride, int frames)
    {
        int filled = 0, got;
        while (filled < frames && (got = Read(destination, stride, filled, frames - filled)) > 0)
        {
            filled += got;
        }

        return filled;
    }

    /// <summary>
    /// Writes up to <paramref name="maxFrames"/> next frames band-major into <paramref name="destination"/>
    /// (band b of the i-th frame at <c>b·stride + column + i</c>); returns how many, 0 at the end.
    /// </summary>
    /// <exception cref="AudioFormatException">The source cannot be decoded.</exception>
    /// <exception cref="ArgumentException">Reflect padding is asked for a signal not longer than FftSize/2.</exception>
    public int Read(Span<float> destination, int stride, int column, int maxFrames)
    {
        while (true)
        {
            int ready = Ready(maxFrames);
            if (ready > 0)
            {
                long length = Ended ? Samples : long.MaxValue;
                _extractor.ComputeFrames(_samples.Held, _samples.Start, length, _next, ready, destination, stride, column);
                _next += ready;
                return ready;
            }

            if (Ended)
            {
                return 0;
            }

            Fill();
        }
    }

    /// <summary>Returns the sample buffer to the pool (the source is the caller's).</summary>
    public void Dispose() => _samples.Dispose();

    private int Ready(int limit)
    {
        LogMelOptions options = _extractor.Options;
        if (Ended)
        {
            return (int)Math.Clamp(options.FrameCount(checked((int)Samples)) - _next, 0, limit);
        }

        long fits = _extractor.FrameStart(_next);
        int count = 0;
        while (count < limit && fits + options.FftSize <= Samples)
        {
            count++;
            fits += options.HopLength;
        }

        return count;
    }

    private void Fill()
    {
        // Keep the next frame's samples and, for reflect padding at the end, the last FftSize.
        long keep = Math.Min(_extractor.FrameStart(_next), Samples - _extractor.Options.FftSize);
        ReadOnlySpan<float> chunk = _samples.Refill(_source, keep);
        if (chunk.IsEmpty)
        {
            Ended = true;
            _extractor.ThrowIfTooShortToReflect(Samples);
            return;
        }

        double energy = Energy;
        foreach (float s in chunk)
        {
            energy += (double)s * s;
        }

        Energy = energy;
    }
}
