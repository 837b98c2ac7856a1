using System.Buffers;

namespace GenreML.Audio.Decoding;

/// <summary>
/// The stretch of a decoded stream that a streaming transform still needs (the resampler's filter state, the
/// STFT's frame overlap): samples <see cref="Start"/> … <see cref="End"/> − 1, refilled a chunk at a time after
/// dropping what comes before the first sample still needed. The buffer is rented from the shared array pool
/// (a fresh one per clip would be a large object, and each of those costs a full collection): dispose it.
/// </summary>
internal sealed class SlidingSamples : IDisposable
{
    private readonly int _chunk;
    private float[] _buffer;
    private int _count;

    /// <summary>Holds chunks of <paramref name="chunk"/> samples.</summary>
    public SlidingSamples(int chunk)
    {
        _chunk = chunk;
        _buffer = ArrayPool<float>.Shared.Rent(2 * chunk);
    }

    /// <summary>Absolute index of the first sample held.</summary>
    public long Start { get; private set; }

    /// <summary>Samples received so far (one past the last held).</summary>
    public long End => Start + _count;

    /// <summary>The samples held, from <see cref="Start"/>.</summary>
    public ReadOnlySpan<float> Held => _buffer.AsSpan(0, _count);

    /// <summary>
    /// Drops the samples before <paramref name="keepFrom"/> (absolute), then reads up to one chunk more from
    /// <paramref name="source"/>; returns the new samples (empty at the end).
    /// </summary>
    public ReadOnlySpan<float> Refill(MonoAudioSource source, long keepFrom)
    {
        int drop = (int)Math.Clamp(keepFrom - Start, 0, _count);
        if (drop > 0)
        {
            _buffer.AsSpan(drop, _count - drop).CopyTo(_buffer);
            _count -= drop;
            Start += drop;
        }

        if (_buffer.Length - _count < _chunk)
        {
            float[] larger = ArrayPool<float>.Shared.Rent(_count + 2 * _chunk);
            _buffer.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<float>.Shared.Return(_buffer);
            _buffer = larger;
        }

        int got = source.Read(_buffer.AsSpan(_count, _chunk));
        _count += got;
        return _buffer.AsSpan(_count - got, got);
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<float>.Shared.Return(_buffer);
            _buffer = [];
            _count = 0;
        }
    }
}
