using System.Buffers.Binary;
using GenreML.Tagging.Containers;

namespace GenreML.Tagging.Payload;

/// <summary>MP3: everything between the leading ID3v2 tag(s) and the trailing ID3v1 / APEv2 / appended ID3v2 tags.</summary>
internal static class MpegPayload
{
    public static void Hash(PayloadReader reader)
    {
        long start = SkipLeadingId3v2(reader, 0);
        long end = TrailingTagsStart(reader, start);
        reader.HashRange(start, end);
    }

    /// <summary>The position after the ID3v2 tags that start at <paramref name="position"/> (there may be several, or none).</summary>
    public static long SkipLeadingId3v2(PayloadReader reader, long position)
    {
        Span<byte> header = stackalloc byte[10];
        while (reader.TryRead(position, header) && header.StartsWith("ID3"u8))
        {
            position += 10 + ContainerDetector.Id3v2Size(header[6..10]) + ((header[5] & 0x10) != 0 ? 10 : 0);
        }

        return position;
    }

    private static long TrailingTagsStart(PayloadReader reader, long start)
    {
        long end = reader.Length;
        Span<byte> probe = stackalloc byte[32];
        bool found = true;
        while (found && end > start)
        {
            found = false;
            if (end - start >= 128 && reader.TryRead(end - 128, probe[..3]) && probe[..3].SequenceEqual("TAG"u8))
            {
                end -= 128;
                found = true;
            }

            if (end - start >= 32 && reader.TryRead(end - 32, probe) && probe.StartsWith("APETAGEX"u8))
            {
                long size = BinaryPrimitives.ReadUInt32LittleEndian(probe[12..16]);
                bool hasHeader = (BinaryPrimitives.ReadUInt32LittleEndian(probe[20..24]) & 0x8000_0000u) != 0;
                end -= size + (hasHeader ? 32 : 0);
                found = true;
            }

            if (end - start >= 10 && reader.TryRead(end - 10, probe[..10]) && probe[..3].SequenceEqual("3DI"u8))
            {
                end -= 20 + ContainerDetector.Id3v2Size(probe[6..10]);
                found = true;
            }
        }

        if (end < start)
        {
            throw reader.Invalid("its trailing tags claim more bytes than the file has");
        }

        return end;
    }
}
