using System.Security.Cryptography;
using GenreML.Core.IO;
using GenreML.Tagging.Containers;

namespace GenreML.Tagging.Payload;

/// <summary>
/// A SHA-256 over the part of an audio file that tagging must never change: the audio frames and what a
/// decoder needs to read them, without the tags. Comparing it before and after a write proves the audio
/// survived byte for byte. Each container's parser is our own, independent of the tag library it checks.
/// </summary>
public static class AudioPayload
{
    /// <summary>The payload hash of <paramref name="path"/> read as <paramref name="container"/>, in lowercase hex.</summary>
    /// <exception cref="InvalidDataException">The file's structure is not a valid <paramref name="container"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string Hash(string path, AudioContainer container)
    {
        using FileStream stream = InputFile.OpenRead(path, bufferSize: 1 << 16, share: FileShare.ReadWrite);
        return Hash(stream, container, path);
    }

    /// <summary>The payload hash of the file open in <paramref name="stream"/> (seekable; read from its start); <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The content's structure is not a valid <paramref name="container"/>.</exception>
    public static string Hash(Stream stream, AudioContainer container, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var reader = new PayloadReader(stream, hash, path);
        switch (container)
        {
            case AudioContainer.Mp3:
                MpegPayload.Hash(reader);
                break;
            case AudioContainer.Flac:
                FlacPayload.Hash(reader);
                break;
            case AudioContainer.OggVorbis:
            case AudioContainer.Opus:
                OggPayload.Hash(reader);
                break;
            case AudioContainer.Mp4:
                Mp4Payload.Hash(reader);
                break;
            case AudioContainer.Wav:
                WavPayload.Hash(reader);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(container), container, "unknown container");
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
