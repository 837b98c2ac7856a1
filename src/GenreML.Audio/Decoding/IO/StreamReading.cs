namespace GenreML.Audio.Decoding;

/// <summary>Small reads and skips over a stream that report a short file instead of throwing EOF errors.</summary>
internal static class StreamReading
{
    /// <summary>Fills as much of <paramref name="buffer"/> as the stream holds; returns the count read.</summary>
    public static int ReadUpTo(Stream stream, Span<byte> buffer) =>
        stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);

    /// <summary>Bytes left after the current position, or null when the stream cannot tell.</summary>
    public static long? Remaining(Stream stream) =>
        stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;

    /// <summary>Skips up to <paramref name="count"/> bytes; returns how many were there to skip.</summary>
    public static long Skip(Stream stream, long count)
    {
        if (count <= 0)
        {
            return 0;
        }

        if (stream.CanSeek)
        {
            long skipped = Math.Min(count, Math.Max(0, stream.Length - stream.Position));
            stream.Seek(skipped, SeekOrigin.Current);
            return skipped;
        }

        Span<byte> scratch = stackalloc byte[4096];
        long done = 0;
        while (done < count)
        {
            int want = (int)Math.Min(scratch.Length, count - done);
            int got = stream.Read(scratch[..want]);
            if (got == 0)
            {
                break;
            }

            done += got;
        }

        return done;
    }

    /// <summary>
    /// Reads up to <paramref name="count"/> bytes into a new array that grows with what is actually
    /// read, so a header's claim never sizes the allocation; returns fewer bytes at end of stream.
    /// </summary>
    public static byte[] ReadBounded(Stream stream, long count)
    {
        const int Block = 1 << 16;
        using var collected = new MemoryStream((int)Math.Min(count, Block));
        var block = new byte[(int)Math.Min(count, Block)];
        while (collected.Length < count)
        {
            int want = (int)Math.Min(block.Length, count - collected.Length);
            int got = ReadUpTo(stream, block.AsSpan(0, want));
            collected.Write(block, 0, got);
            if (got < want)
            {
                break;
            }
        }

        return collected.ToArray();
    }
}
