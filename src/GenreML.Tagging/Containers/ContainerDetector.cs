using GenreML.Core.IO;

namespace GenreML.Tagging.Containers;

/// <summary>
/// Identifies an audio file's container from its bytes, never from its name, so a mislabelled file is
/// tagged in its real format or not at all.
/// </summary>
public static class ContainerDetector
{
    private const int HeadLength = 64;

    /// <summary>The container of <paramref name="path"/>, or null when it is none that <c>tag</c> writes.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static AudioContainer? Detect(string path)
    {
        using FileStream stream = InputFile.OpenRead(path, bufferSize: 1, share: FileShare.ReadWrite);
        Span<byte> head = stackalloc byte[HeadLength];
        int read = stream.ReadAtLeast(head, HeadLength, throwOnEndOfStream: false);
        head = head[..read];
        if (head.StartsWith("ID3"u8) && head.Length >= 10)
        {
            long skip = 10 + Id3v2Size(head[6..10]) + ((head[5] & 0x10) != 0 ? 10 : 0);
            if (skip >= stream.Length)
            {
                return null;
            }

            stream.Position = skip;
            Span<byte> after = stackalloc byte[4];
            int n = stream.ReadAtLeast(after, 4, throwOnEndOfStream: false);
            return n == 4 && after.StartsWith("fLaC"u8) ? AudioContainer.Flac : AudioContainer.Mp3;
        }

        return Identify(head);
    }

    /// <summary>The container that <paramref name="head"/> (the first bytes of a file, after any ID3v2 tag) starts.</summary>
    internal static AudioContainer? Identify(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("fLaC"u8))
        {
            return AudioContainer.Flac;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..].StartsWith("WAVE"u8))
        {
            return AudioContainer.Wav;
        }

        if (head.Length >= 12 && head[4..].StartsWith("ftyp"u8))
        {
            return AudioContainer.Mp4;
        }

        if (head.StartsWith("OggS"u8) && head.Length >= 27)
        {
            int segments = head[26];
            ReadOnlySpan<byte> packet = head.Length > 27 + segments ? head[(27 + segments)..] : default;
            if (packet.StartsWith("\u0001vorbis"u8))
            {
                return AudioContainer.OggVorbis;
            }

            if (packet.StartsWith("OpusHead"u8))
            {
                return AudioContainer.Opus;
            }

            return null;
        }

        return head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 ? AudioContainer.Mp3 : null;
    }

    /// <summary>An ID3v2 header's tag size (four 7-bit "syncsafe" bytes).</summary>
    internal static int Id3v2Size(ReadOnlySpan<byte> syncsafe) =>
        (syncsafe[0] & 0x7F) << 21 | (syncsafe[1] & 0x7F) << 14 | (syncsafe[2] & 0x7F) << 7 | (syncsafe[3] & 0x7F);
}
