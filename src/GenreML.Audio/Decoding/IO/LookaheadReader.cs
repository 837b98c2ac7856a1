namespace GenreML.Audio.Decoding;

/// <summary>
/// A forward-only reader over a stream with a window of bytes that can be looked at before they are
/// consumed (frame headers, sync words), for the frame-based decoders. It reads the stream in
/// blocks and never holds more than the window.
/// </summary>
internal sealed class LookaheadReader(Stream stream, int window = 1 << 16)
{
    private byte[] _buffer = new byte[window];
    private int _start;
    private int _end;
    private bool _endOfStream;

    /// <summary>Bytes consumed from the stream so far (the position of the next byte).</summary>
    public long Position { get; private set; }

    /// <summary>
    /// Up to <paramref name="count"/> (at most the window size) next bytes without consuming them;
    /// fewer only at the end of the stream. The span is only valid until the next call: a later peek
    /// may move the window.
    /// </summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        count = Math.Min(count, _buffer.Length);
        if (_end - _start < count && !_endOfStream)
        {
            Fill(count);
        }

        return _buffer.AsSpan(_start, Math.Min(count, _end - _start));
    }

    /// <summary>
    /// The next <paramref name="count"/> bytes (fewer only at the end of the stream) as a segment of
    /// the internal buffer, valid until the next call; the window grows to <paramref name="count"/> if need be.
    /// </summary>
    public ArraySegment<byte> PeekSegment(int count)
    {
        if (count > _buffer.Length)
        {
            var grown = new byte[count];
            _buffer.AsSpan(_start, _end - _start).CopyTo(grown);
            _end -= _start;
            _start = 0;
            _buffer = grown;
        }

        int available = Peek(count).Length;
        return new ArraySegment<byte>(_buffer, _start, available);
    }

    /// <summary>Consumes <paramref name="count"/> bytes (at most what <see cref="Peek"/> returned).</summary>
    public void Advance(int count)
    {
        _start += count;
        Position += count;
    }

    /// <summary>Skips <paramref name="count"/> bytes, beyond the window if need be; returns how many were there.</summary>
    public long Skip(long count)
    {
        long buffered = Math.Min(count, _end - _start);
        Advance((int)buffered);
        long rest = count - buffered;
        if (rest == 0)
        {
            return count;
        }

        long skipped = StreamReading.Skip(stream, rest);
        Position += skipped;
        if (skipped < rest)
        {
            _endOfStream = true;
        }

        return buffered + skipped;
    }

    /// <summary>Reads exactly <paramref name="destination"/>.Length bytes, or as many as the stream still holds; returns the count.</summary>
    public int Read(Span<byte> destination)
    {
        int done = 0;
        while (done < destination.Length)
        {
            var available = Peek(Math.Min(destination.Length - done, _buffer.Length));
            if (available.IsEmpty)
            {
                break;
            }

            available.CopyTo(destination[done..]);
            Advance(available.Length);
            done += available.Length;
        }

        return done;
    }

    private void Fill(int count)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        while (_end < count)
        {
            int got = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (got == 0)
            {
                _endOfStream = true;
                return;
            }

            _end += got;
        }
    }
}
