using GenreML.Audio.Decoding;
using GenreML.Core.IO;

namespace GenreML.Tagging.Containers;

/// <summary>
/// Identifies an audio file's container from its bytes, never from its name, so a mislabelled file is
/// tagged in its real format or not at all. The bytes are read by the decoders' own content sniffer
/// (GenreML.Audio's ContainerSniffer), so <c>tag</c> and <c>score</c> agree on what a file is.
/// </summary>
public static class ContainerDetector
{
    /// <summary>The container of <paramref name="path"/>, or null when it is none that <c>tag</c> writes.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static AudioContainer? Detect(string path)
    {
        using FileStream stream = InputFile.OpenRead(path, bufferSize: 1, share: FileShare.ReadWrite);
        var (kind, id3v2Length) = ContainerSniffer.Identify(stream);
        if (id3v2Length >= stream.Length)
        {
            return null;
        }

        return kind switch
        {
            ContainerKind.Flac => AudioContainer.Flac,
            ContainerKind.OggVorbis => AudioContainer.OggVorbis,
            ContainerKind.OggOpus => AudioContainer.Opus,
            ContainerKind.Mp4 => AudioContainer.Mp4,
            ContainerKind.Mp3 => AudioContainer.Mp3,

            // An ID3v2 tag in front of anything but FLAC is MPEG audio to TagLibSharp, which writes it (the frames
            // may start after padding the sniffer does not look past).
            _ when id3v2Length > 0 => AudioContainer.Mp3,

            // Only RIFF/WAVE: TagLibSharp cannot write RF64/BW64 (WAV over 4 GiB), which the decoder reads.
            ContainerKind.Wav when IsRiff(stream) => AudioContainer.Wav,
            _ => null,
        };
    }

    private static bool IsRiff(FileStream stream)
    {
        Span<byte> id = stackalloc byte[4];
        stream.Position = 0;
        return stream.ReadAtLeast(id, id.Length, throwOnEndOfStream: false) == id.Length && id.SequenceEqual("RIFF"u8);
    }
}
