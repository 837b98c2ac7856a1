namespace GenreML.Audio.Decoding;

/// <summary>
/// The one entry point for reading audio: it identifies the content by its first bytes (never by
/// the file name), decodes WAV (RIFF/RF64) and AU/SND in managed code, and hands everything else,
/// including WAV files with a compressed codec, to <see cref="FfmpegDecoder"/>. The result is mono
/// (mean of the channels) float audio at the file's own sample rate; resampling is a separate step.
/// </summary>
public static class AudioDecoder
{
    /// <summary>
    /// The file extensions a folder scan picks up (lower case, with the dot): <c>.wav .wave .au .snd</c>
    /// (decoded in managed code) and <c>.mp3 .flac .ogg .oga .opus .m4a .aac .wma .aif .aiff .aifc</c>
    /// (decoded by ffmpeg). Video containers are deliberately left out. The extension only decides what
    /// a scan picks up; the decoder is chosen by content.
    /// </summary>
    public static IReadOnlyList<string> SupportedExtensions { get; } =
    [
        ".wav", ".wave", ".au", ".snd",
        ".mp3", ".flac", ".ogg", ".oga", ".opus", ".m4a", ".aac", ".wma", ".aif", ".aiff", ".aifc",
    ];

    /// <summary>True when <paramref name="path"/> ends with one of <see cref="SupportedExtensions"/> (any letter case).</summary>
    public static bool IsSupportedExtension(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string extension = Path.GetExtension(path);
        foreach (string supported in SupportedExtensions)
        {
            if (extension.Equals(supported, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Decodes the audio file at <paramref name="path"/>.</summary>
    /// <exception cref="AudioFormatException">The file is missing, empty, damaged or in a format nothing here can decode.</exception>
    public static AudioSignal Read(string path)
    {
        using (var stream = SourceFile.Open(path))
        {
            if (!stream.CanSeek)
            {
                return Read(stream, path);
            }

            try
            {
                switch (Sniff(stream, path))
                {
                    case ContainerKind.Wav:
                        stream.Position = 0;
                        return WavDecoder.ReadCore(stream, path);
                    case ContainerKind.Au:
                        stream.Position = 0;
                        return AuDecoder.Read(stream, path);
                }
            }
            catch (CompressedWavException)
            {
                // A RIFF/WAVE file with a codec such as ADPCM or MP3: ffmpeg below decodes it.
            }
            catch (IOException io)
            {
                throw new AudioFormatException(path, $"read error: {io.Message}", io);
            }
        }

        return FfmpegDecoder.Read(path);
    }

    /// <summary>
    /// Decodes audio from <paramref name="stream"/>, naming it <paramref name="sourceName"/> in errors (its
    /// extension, if any, is used as a hint in messages). Non-seekable streams work; a WAV file with a
    /// compressed codec can only be handed to ffmpeg when the stream is seekable.
    /// </summary>
    /// <exception cref="AudioFormatException">The content is empty, damaged or in a format nothing here can decode.</exception>
    public static AudioSignal Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        long? start = stream.CanSeek ? stream.Position : null;
        byte[] head = new byte[ContainerSniffer.HeadLength];
        int got;
        try
        {
            got = StreamReading.ReadUpTo(stream, head);
        }
        catch (IOException io)
        {
            throw new AudioFormatException(sourceName, $"read error: {io.Message}", io);
        }

        if (got == 0)
        {
            throw new AudioFormatException(sourceName, "the file is empty (0 bytes)");
        }

        Stream content = stream;
        if (start is long origin)
        {
            stream.Position = origin;
        }
        else
        {
            content = new PrefixedStream(head[..got], stream);
        }

        switch (ContainerSniffer.Identify(head.AsSpan(0, got)))
        {
            case ContainerKind.Wav:
                try
                {
                    return WavDecoder.ReadCore(content, sourceName);
                }
                catch (CompressedWavException compressed)
                {
                    if (start is not long rewind)
                    {
                        throw new AudioFormatException(sourceName, $"{compressed.Reason.Reason}; the stream cannot be rewound to hand it to ffmpeg", compressed);
                    }

                    stream.Position = rewind;
                    return FfmpegDecoder.Read(stream, sourceName);
                }
                catch (IOException io)
                {
                    throw new AudioFormatException(sourceName, $"read error: {io.Message}", io);
                }

            case ContainerKind.Au:
                return AuDecoder.Read(content, sourceName);
            default:
                return FfmpegDecoder.Read(content, sourceName);
        }
    }

    private static ContainerKind Sniff(Stream stream, string path)
    {
        Span<byte> head = stackalloc byte[ContainerSniffer.HeadLength];
        int got = StreamReading.ReadUpTo(stream, head);
        if (got == 0)
        {
            throw new AudioFormatException(path, "the file is empty (0 bytes)");
        }

        return ContainerSniffer.Identify(head[..got]);
    }
}
