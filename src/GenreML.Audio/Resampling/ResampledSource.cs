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
    private readonly SlidingSamples _input = new(ChunkSamples);
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
            int ready = _resampler.Ready(_next, _input.End, _innerEnded, destination.Length);
            if (ready > 0)
            {
                long inputLength = _innerEnded ? _input.End : long.MaxValue;
                _resampler.Produce(_input.Held, _input.Start, inputLength, _next, destination[..ready]);
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
            _input.Dispose();
            _inner.Dispose();
        }
    }

    /// <summary>Drops the input no output still needs, then appends the inner source's next chunk.</summary>
    private void Fill()
    {
        if (_input.Refill(_inner, _resampler.FirstInputNeeded(_next)).IsEmpty)
        {
            _innerEnded = true;
            Warning = _inner.Warning;
        }
    }
}
