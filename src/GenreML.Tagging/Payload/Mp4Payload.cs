using System.Buffers.Binary;

namespace GenreML.Tagging.Payload;

/// <summary>
/// MP4: the contents of every top-level "mdat" box, and each track's sample tables with their chunk offsets
/// taken relative to the first "mdat" (a tag writer that grows "moov" in front of the media must shift
/// every offset by the same amount, and one that forgets would leave a file that no longer plays).
/// </summary>
internal static class Mp4Payload
{
    private static readonly string[] Containers = ["moov", "trak", "mdia", "minf", "stbl"];

    public static void Hash(PayloadReader reader)
    {
        List<Box> top = Children(reader, 0, reader.Length);
        Box[] media = top.Where(b => b.Type == "mdat").ToArray();
        if (media.Length == 0)
        {
            throw reader.Invalid("no 'mdat' box");
        }

        long mediaStart = media[0].DataStart;
        foreach (Box box in top.Where(b => b.Type == "moov"))
        {
            HashSampleTables(reader, box, mediaStart);
        }

        foreach (Box box in media)
        {
            reader.HashRange(box.DataStart, box.End);
        }
    }

    private static void HashSampleTables(PayloadReader reader, Box box, long mediaStart)
    {
        foreach (Box child in Children(reader, box.DataStart, box.End))
        {
            if (Containers.Contains(child.Type))
            {
                HashSampleTables(reader, child, mediaStart);
            }
            else if (box.Type == "stbl" && child.Type is "stco" or "co64")
            {
                HashOffsets(reader, child, mediaStart);
            }
            else if (box.Type == "stbl")
            {
                reader.HashRange(child.Start, child.End);
            }
        }
    }

    private static void HashOffsets(PayloadReader reader, Box box, long mediaStart)
    {
        Span<byte> head = stackalloc byte[8];
        reader.Read(box.DataStart, head, $"the '{box.Type}' header");
        uint count = BinaryPrimitives.ReadUInt32BigEndian(head[4..]);
        int width = box.Type == "co64" ? 8 : 4;
        if (box.DataStart + 8 + (long)count * width > box.End)
        {
            throw reader.Invalid($"'{box.Type}' claims {count} offsets, more than the box holds");
        }

        Span<byte> entry = stackalloc byte[8];
        Span<byte> relative = stackalloc byte[8];
        for (long i = 0; i < count; i++)
        {
            reader.Read(box.DataStart + 8 + i * width, entry[..width], $"a '{box.Type}' entry");
            long offset = width == 8 ? (long)BinaryPrimitives.ReadUInt64BigEndian(entry) : BinaryPrimitives.ReadUInt32BigEndian(entry);
            BinaryPrimitives.WriteInt64LittleEndian(relative, offset - mediaStart);
            reader.HashBytes(relative);
        }
    }

    private static List<Box> Children(PayloadReader reader, long start, long end)
    {
        var boxes = new List<Box>();
        Span<byte> header = stackalloc byte[16];
        long position = start;
        while (position + 8 <= end)
        {
            reader.Read(position, header[..8], "an MP4 box header");
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            string type = System.Text.Encoding.Latin1.GetString(header[4..8]);
            int headerLength = 8;
            if (size == 1)
            {
                reader.Read(position + 8, header[8..16], "an MP4 64-bit box size");
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
                headerLength = 16;
            }
            else if (size == 0)
            {
                size = end - position;
            }

            if (size < headerLength || position + size > end)
            {
                throw reader.Invalid($"MP4 box '{type}' at byte {position} has an impossible size {size}");
            }

            boxes.Add(new Box(type, position, position + headerLength, position + size));
            position += size;
        }

        return boxes;
    }

    private readonly record struct Box(string Type, long Start, long DataStart, long End);
}
