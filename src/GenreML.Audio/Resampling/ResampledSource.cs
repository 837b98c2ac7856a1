using GenreML.Audio.Decoding;

namespace GenreML.Audio.Resampling;

/// <summary>
/// A decoded stream at another rate (<see cref="Resampler.Resample(MonoAudioSource, int)"/>): reads the inner
/// source a chunk at a time, keeps only the input the next outputs still need (the filter state carried from
/// chunk to chunk) and computes every output with <see cref="Resampler.Produce"/>, the code that resamples whole
/// signals, so the samples are exactly the whole-signal ones.
/// </summary>
internal sealed class ResampledSource : MonoAudioSource
{
    private const int ChunkSamples = 1 << 14;

    private readonly MonoAudioSource _inner;
    private readonly Resampler _resampler;
    private float[] _buffer = new float[2 * ChunkSamples];
    private int _buffered;
    private long _bufferStart;
    private long _received;
    private long _next;
    private bool _innerEnded;

    public ResampledSource(MonoAudioSource inner, Resampler resampler)
        : base(inner.SourceName)
    {
        _inner = inner;
        _resampler = resampler;
    }

    public override int SampleRate => _resampler.ToRate;

    public override int SourceChannels => _inner.SourceChannels;

    public override string DecoderName => _inner.DecoderName;

    protected override int ReadCore(Span<float> destination)
    {
        while (true)
        {
            int ready = _resampler.Ready(_next, _received, _innerEnded, destination.Length);
            if (ready > 0)
            {
                long inputLength = _innerEnded ? _received : long.MaxValue;
                _resampler.Produce(_buffer.AsSpan(0, _buffered), _bufferStart, inputLength, _next, destination[..ready]);
                _next += ready;
                return ready;
            }

            if (_innerEnded)
            {
                return 0;
            }

            Fill();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
    }

    /// <summary>Drops the input no output still needs, then appends the inner source's next chunk.</summary>
    private void Fill()
    {
        long keep = Math.Min(_resampler.FirstInputNeeded(_next), _received);
        int drop = (int)Math.Clamp(keep - _bufferStart, 0, _buffered);
        if (drop > 0)
        {
            _buffer.AsSpan(drop, _buffered - drop).CopyTo(_buffer);
            _buffered -= drop;
            _bufferStart += drop;
        }

        if (_buffer.Length - _buffered < ChunkSamples)
        {
            Array.Resize(ref _buffer, _buffered + 2 * ChunkSamples);
        }

        int got = _inner.Read(_buffer.AsSpan(_buffered, ChunkSamples));
        if (got == 0)
        {
            _innerEnded = true;
            Warning = _inner.Warning;
            return;
        }

        _buffered += got;
        _received += got;
    }
}
