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
    public static long TagLength(ReadOnlySpan<byte> head)
    {
        if (head.Length < HeaderLength || !head.StartsWith("ID3"u8) || head[3] == 0xFF || head[4] == 0xFF)
        {
            return 0;
        }

        if (((head[6] | head[7] | head[8] | head[9]) & 0x80) != 0)
        {
            return 0;
        }

        long body = (head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9];
        bool footer = (head[5] & 0x10) != 0;
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
