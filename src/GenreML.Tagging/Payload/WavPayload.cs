using System.Buffers.Binary;

namespace GenreML.Tagging.Payload;

/// <summary>WAV: the contents of the "fmt " and "data" chunks, in file order.</summary>
internal static class WavPayload
{
    public static void Hash(PayloadReader reader)
    {
        Span<byte> header = stackalloc byte[8];
        long position = 12;
        bool sawData = false;
        while (reader.TryRead(position, header))
        {
            long size = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            long end = Math.Min(position + 8 + size, reader.Length);
            if (header.StartsWith("fmt "u8) || header.StartsWith("data"u8))
            {
                reader.HashBytes(header[..4]);
                reader.HashRange(position + 8, end);
                sawData |= header.StartsWith("data"u8);
            }

            position = end + (size & 1);
        }

        if (!sawData)
        {
            throw reader.Invalid("no 'data' chunk");
        }
    }
}
