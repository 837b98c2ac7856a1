namespace GenreML.Audio.Decoding;

/// <summary>
/// The stretch of a decoded stream that a streaming transform still needs (the resampler's filter state, the
/// STFT's frame overlap): samples <see cref="Start"/> … <see cref="End"/> − 1, refilled a chunk at a time after
/// dropping what comes before the first sample still needed.
/// </summary>
internal sealed class SlidingSamples
{
    private readonly int _chunk;
    private float[] _buffer;
    private int _count;

    /// <summary>Holds chunks of <paramref name="chunk"/> samples.</summary>
    public SlidingSamples(int chunk)
    {
        _chunk = chunk;
        _buffer = new float[2 * chunk];
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
            Array.Resize(ref _buffer, _count + 2 * _chunk);
        }

        int got = source.Read(_buffer.AsSpan(_count, _chunk));
        _count += got;
        return _buffer.AsSpan(_count - got, got);
    }
}
