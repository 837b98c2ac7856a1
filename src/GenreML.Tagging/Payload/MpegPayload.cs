using System.Buffers.Binary;
using GenreML.Audio.Decoding;

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
        Span<byte> header = stackalloc byte[Id3v2.HeaderLength];
        long length;
        while (reader.TryRead(position, header) && (length = Id3v2.TagLength(header)) > 0)
        {
            position += length;
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

            long appended;
            if (end - start >= Id3v2.HeaderLength && reader.TryRead(end - Id3v2.HeaderLength, probe[..Id3v2.HeaderLength])
                && (appended = Id3v2.AppendedTagLength(probe[..Id3v2.HeaderLength])) > 0)
            {
                end -= appended;
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
