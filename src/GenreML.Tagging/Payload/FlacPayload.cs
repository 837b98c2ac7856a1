namespace GenreML.Tagging.Payload;

/// <summary>FLAC: the STREAMINFO block (what a decoder needs) and every byte after the last metadata block, up to any trailing ID3v1 tag.</summary>
internal static class FlacPayload
{
    public static void Hash(PayloadReader reader)
    {
        long position = MpegPayload.SkipLeadingId3v2(reader, 0);
        Span<byte> header = stackalloc byte[4];
        reader.Read(position, header, "the FLAC marker");
        if (!header.SequenceEqual("fLaC"u8))
        {
            throw reader.Invalid($"no 'fLaC' marker at byte {position}");
        }

        position += 4;
        bool last = false;
        while (!last)
        {
            reader.Read(position, header, "a FLAC metadata block header");
            last = (header[0] & 0x80) != 0;
            int type = header[0] & 0x7F;
            int length = header[1] << 16 | header[2] << 8 | header[3];
            if (type == 0)
            {
                reader.HashRange(position + 4, position + 4 + length);
            }

            position += 4 + length;
        }

        long end = reader.Length;
        Span<byte> tag = stackalloc byte[3];
        if (end - position >= 128 && reader.TryRead(end - 128, tag) && tag.SequenceEqual("TAG"u8))
        {
            end -= 128;
        }

        reader.HashRange(position, end);
    }
}
