namespace GenreML.Audio.Decoding;

/// <summary>
/// A source whose codec decodes one block at a time (an MP3 frame, a FLAC frame, an Opus packet): the
/// subclass decodes a block and publishes it with <see cref="PublishBlock"/>; this class downmixes it,
/// keeps the part the stream edges leave (encoder delay, pre-skip, padding) and hands the samples out in
/// whatever chunks the caller reads.
/// </summary>
internal abstract class BlockDecodingSource : MonoAudioSource
{
    private float[] _block = [];
    private int _pendingStart;
    private int _pendingEnd;
    private bool _done;

    /// <summary>Creates the source for <paramref name="sourceName"/> (the name used in errors).</summary>
    protected BlockDecodingSource(string sourceName)
        : base(sourceName)
    {
    }

    /// <summary>Decodes the next block and publishes it; false at the end of the stream.</summary>
    protected abstract bool DecodeNextBlock();

    /// <summary>
    /// Downmixes one decoded block (<paramref name="interleaved"/>, <paramref name="channels"/> channels)
    /// and makes its mono samples [<paramref name="start"/>, <paramref name="end"/>) the next ones to read.
    /// </summary>
    protected void PublishBlock(ReadOnlySpan<float> interleaved, int channels, int start, int end)
    {
        int frames = interleaved.Length / channels;
        if (_block.Length < frames)
        {
            _block = new float[frames];
        }

        MonoDownmix.Interleaved(interleaved, channels, _block.AsSpan(0, frames));
        _pendingStart = start;
        _pendingEnd = end;
    }

    /// <inheritdoc/>
    protected sealed override int ReadCore(Span<float> destination)
    {
        while (_pendingStart == _pendingEnd)
        {
            if (_done || !DecodeNextBlock())
            {
                _done = true;
                return 0;
            }
        }

        int count = Math.Min(destination.Length, _pendingEnd - _pendingStart);
        _block.AsSpan(_pendingStart, count).CopyTo(destination);
        _pendingStart += count;
        return count;
    }
}
