namespace GenreML.Audio.Decoding;

/// <summary>
/// Identifies the container from the first bytes of the content (never from the file name). An
/// ID3v2 tag in front (MP3, and some FLAC files) is looked past: <see cref="Id3v2.TagLength"/> says
/// how far, and the bytes after it decide.
/// </summary>
internal static class ContainerSniffer
{
    /// <summary>How many leading bytes <see cref="Identify(ReadOnlySpan{byte})"/> looks at (enough for an Ogg page header with its segment table).</summary>
    public const int HeadLength = 320;

    /// <summary>
    /// The container of the seekable <paramref name="stream"/>'s content from its position (past any ID3v2 tag, however long),
    /// and the length of that tag (0 when there is none; longer than the content when the content ends inside it, then
    /// the kind is <see cref="ContainerKind.Other"/>). The stream is left where it was.
    /// </summary>
    public static (ContainerKind Kind, long Id3v2Length) Identify(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long origin = stream.Position;
        try
        {
            byte[] head = new byte[HeadLength];
            int got = StreamReading.ReadUpTo(stream, head);
            long tag = Id3v2.TagLength(head.AsSpan(0, got));
            if (tag >= got && tag > 0)
            {
                stream.Position = origin + tag;
                got = StreamReading.ReadUpTo(stream, head);
                return (Identify(head.AsSpan(0, got)), tag);
            }

            return (Identify(head.AsSpan((int)tag, got - (int)tag)), tag);
        }
        finally
        {
            stream.Position = origin;
        }
    }

    /// <summary>The container that <paramref name="head"/> (up to <see cref="HeadLength"/> bytes, after any ID3v2 tag) starts.</summary>
    public static ContainerKind Identify(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && (head.StartsWith("RIFF"u8) || head.StartsWith("RF64"u8) || head.StartsWith("BW64"u8)) && head[8..].StartsWith("WAVE"u8))
        {
            return ContainerKind.Wav;
        }

        if (head.StartsWith(".snd"u8) || head.StartsWith("dns."u8))
        {
            return ContainerKind.Au;
        }

        if (head.StartsWith("fLaC"u8))
        {
            return ContainerKind.Flac;
        }

        if (head.StartsWith("OggS"u8))
        {
            return OggCodec(head);
        }

        if (head.Length >= 12 && head[4..].StartsWith("ftyp"u8))
        {
            return ContainerKind.Mp4;
        }

        return head.Length >= 4 && MpegFrameHeader.TryParse(head, out var header) && header.IsLayer3 && !header.IsFreeFormat
            ? ContainerKind.Mp3
            : ContainerKind.Other;
    }

    /// <summary>Vorbis or Opus from the first packet of the first Ogg page; any other Ogg codec (FLAC, Speex, …) goes to ffmpeg.</summary>
    private static ContainerKind OggCodec(ReadOnlySpan<byte> head)
    {
        if (head.Length < 27)
        {
            return ContainerKind.Other;
        }

        int packet = 27 + head[26];
        if (head.Length < packet + 8)
        {
            return ContainerKind.Other;
        }

        ReadOnlySpan<byte> first = head[packet..];
        if (first.StartsWith("\u0001vorbis"u8))
        {
            return ContainerKind.OggVorbis;
        }

        return first.StartsWith("OpusHead"u8) ? ContainerKind.OggOpus : ContainerKind.Other;
    }
}
