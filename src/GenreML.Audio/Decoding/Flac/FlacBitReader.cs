using System.Numerics;

namespace GenreML.Audio.Decoding;

/// <summary>
/// Reads a FLAC frame's bits most-significant first from a byte buffer through a 64-bit cache.
/// Running past the end of the buffer throws <see cref="FlacOutOfDataException"/>.
/// </summary>
internal sealed class FlacBitReader
{
    private byte[] _buffer = [];
    private int _start;
    private int _next;
    private int _end;
    private ulong _cache;
    private int _cacheBits;

    /// <summary>Whole bytes consumed since <see cref="Reset"/> (meaningful when byte-aligned).</summary>
    public int BytesConsumed => _next - _start - (_cacheBits / 8);

    /// <summary>Starts reading <paramref name="buffer"/> from <paramref name="start"/> up to <paramref name="end"/>.</summary>
    public void Reset(byte[] buffer, int start, int end)
    {
        _buffer = buffer;
        _start = start;
        _next = start;
        _end = end;
        _cache = 0;
        _cacheBits = 0;
    }

    /// <summary>Reads <paramref name="count"/> (0–32) bits as an unsigned number.</summary>
    public uint ReadBits(int count)
    {
        if (count == 0)
        {
            return 0;
        }

        Need(count);
        uint value = (uint)(_cache >> (64 - count));
        _cache <<= count;
        _cacheBits -= count;
        return value;
    }

    /// <summary>Reads <paramref name="count"/> (0–32) bits as a two's-complement signed number.</summary>
    public int ReadSigned(int count)
    {
        if (count == 0)
        {
            return 0;
        }

        Need(count);
        int value = (int)((long)_cache >> (64 - count));
        _cache <<= count;
        _cacheBits -= count;
        return value;
    }

    /// <summary>Reads a 33-bit signed number (the side channel of 32-bit audio) or anything up to 33 bits.</summary>
    public long ReadSignedLong(int count)
    {
        if (count <= 32)
        {
            return ReadSigned(count);
        }

        long high = ReadSigned(count - 16);
        return (high << 16) | ReadBits(16);
    }

    /// <summary>Counts zero bits up to the next one bit (consumed).</summary>
    public int ReadUnary()
    {
        int zeros = 0;
        while (true)
        {
            if (_cacheBits == 0)
            {
                Need(1);
            }

            int leading = BitOperations.LeadingZeroCount(_cache);
            if (leading < _cacheBits)
            {
                _cache <<= leading + 1;
                _cacheBits -= leading + 1;
                return zeros + leading;
            }

            zeros += _cacheBits;
            _cache = 0;
            _cacheBits = 0;
            if (zeros > (1 << 24))
            {
                throw new FlacFormatException($"a unary code longer than {1 << 24} bits");
            }
        }
    }

    /// <summary>Reads a Rice code with parameter <paramref name="parameter"/> and unfolds it to a signed residual.</summary>
    public long ReadRice(int parameter)
    {
        ulong quotient = (ulong)ReadUnary();
        ulong folded = (quotient << parameter) | ReadBits(parameter);
        return (long)(folded >> 1) ^ -(long)(folded & 1);
    }

    /// <summary>Drops the bits up to the next byte boundary.</summary>
    public void AlignToByte()
    {
        int drop = _cacheBits % 8;
        _cache <<= drop;
        _cacheBits -= drop;
    }

    private void Need(int count)
    {
        while (_cacheBits <= 56 && _next < _end)
        {
            _cache |= (ulong)_buffer[_next++] << (56 - _cacheBits);
            _cacheBits += 8;
        }

        if (_cacheBits < count)
        {
            throw new FlacOutOfDataException();
        }
    }
}

/// <summary>A frame ran past the bytes available (a cut file, or a frame larger than its window).</summary>
internal sealed class FlacOutOfDataException : Exception
{
}

/// <summary>A frame breaks the FLAC format; the message says how (without the source, which the decoder adds).</summary>
internal sealed class FlacFormatException(string message) : Exception(message)
{
}
