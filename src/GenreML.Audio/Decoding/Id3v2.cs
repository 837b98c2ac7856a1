namespace GenreML.Audio.Decoding;

/// <summary>The ID3v2 tag some MP3 and FLAC files carry in front of the audio: only its length matters here.</summary>
internal static class Id3v2
{
    /// <summary>Length of the 10-byte ID3v2 header.</summary>
    public const int HeaderLength = 10;

    /// <summary>
    /// The full length of the ID3v2 tag <paramref name="head"/> starts with (header, body and
    /// footer), or 0 when it does not start with one (at least <see cref="HeaderLength"/> bytes are needed).
    /// </summary>
    public static long TagLength(ReadOnlySpan<byte> head) => Length(head, "ID3"u8, footerFlag: true);

    /// <summary>
    /// The full length (header, body and footer) of the ID3v2 tag appended at the end of a file whose last 10 bytes are
    /// <paramref name="footer"/> (a "3DI" footer), or 0 when they are not one.
    /// </summary>
    public static long AppendedTagLength(ReadOnlySpan<byte> footer) => Length(footer, "3DI"u8, footerFlag: false);

    private static long Length(ReadOnlySpan<byte> header, ReadOnlySpan<byte> identifier, bool footerFlag)
    {
        if (header.Length < HeaderLength || !header.StartsWith(identifier) || header[3] == 0xFF || header[4] == 0xFF)
        {
            return 0;
        }

        if (((header[6] | header[7] | header[8] | header[9]) & 0x80) != 0)
        {
            return 0;
        }

        long body = (header[6] << 21) | (header[7] << 14) | (header[8] << 7) | header[9];
        bool footer = !footerFlag || (header[5] & 0x10) != 0;
        return HeaderLength + body + (footer ? 10 : 0);
    }

    /// <summary>Skips the ID3v2 tags at the reader's position (there may be several); fails if the file ends inside one.</summary>
    public static void Skip(LookaheadReader reader, string source)
    {
        long length;
        while ((length = TagLength(reader.Peek(HeaderLength))) > 0)
        {
            long at = reader.Position;
            long skipped = reader.Skip(length);
            if (skipped < length)
            {
                throw new AudioFormatException(source, $"the file ends inside its ID3v2 tag (byte {at}: it claims {length} bytes, {skipped} are present)");
            }
        }
    }
}
