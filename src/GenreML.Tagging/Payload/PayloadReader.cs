using System.Security.Cryptography;

namespace GenreML.Tagging.Payload;

/// <summary>What the container parsers share: positioned reads of a file and feeding byte ranges into the hash.</summary>
internal sealed class PayloadReader(Stream stream, IncrementalHash hash, string path)
{
    private readonly byte[] _buffer = new byte[1 << 16];

    public long Length { get; } = stream.Length;

    /// <summary>The file's name, for errors.</summary>
    public string Path => path;

    /// <summary>The underlying stream, rewound, for parsers that read sequentially (the caller must not close it).</summary>
    public Stream FromStart()
    {
        stream.Position = 0;
        return stream;
    }

    /// <summary>Reads exactly <paramref name="into"/>.Length bytes at <paramref name="position"/>; false when the file ends first.</summary>
    public bool TryRead(long position, Span<byte> into)
    {
        if (position < 0 || position + into.Length > Length)
        {
            return false;
        }

        stream.Position = position;
        stream.ReadExactly(into);
        return true;
    }

    /// <summary>Reads exactly <paramref name="into"/>.Length bytes at <paramref name="position"/> or throws.</summary>
    public void Read(long position, Span<byte> into, string what)
    {
        if (!TryRead(position, into))
        {
            throw Invalid($"{what} at byte {position} runs past the end of the file ({Length} bytes)");
        }
    }

    /// <summary>Feeds the bytes [<paramref name="start"/>, <paramref name="end"/>) into the hash.</summary>
    public void HashRange(long start, long end)
    {
        if (start < 0 || end > Length || start > end)
        {
            throw Invalid($"audio range {start}..{end} lies outside the file ({Length} bytes)");
        }

        stream.Position = start;
        long left = end - start;
        while (left > 0)
        {
            int n = stream.Read(_buffer, 0, (int)Math.Min(left, _buffer.Length));
            if (n == 0)
            {
                throw Invalid($"the file ended while reading its audio at byte {end - left}");
            }

            hash.AppendData(_buffer, 0, n);
            left -= n;
        }
    }

    /// <summary>Feeds <paramref name="bytes"/> into the hash.</summary>
    public void HashBytes(ReadOnlySpan<byte> bytes) => hash.AppendData(bytes);

    /// <summary>An error naming the file.</summary>
    public InvalidDataException Invalid(string what) => new($"{path}: {what}");
}
