namespace GenreML.Audio.Decoding;

/// <summary>Identifies the container from the first 12 bytes of the content (never from the file name).</summary>
internal static class ContainerSniffer
{
    /// <summary>How many leading bytes <see cref="Identify"/> looks at.</summary>
    public const int HeadLength = 12;

    /// <summary>The container that <paramref name="head"/> (up to <see cref="HeadLength"/> bytes) starts.</summary>
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

        return ContainerKind.Other;
    }
}
