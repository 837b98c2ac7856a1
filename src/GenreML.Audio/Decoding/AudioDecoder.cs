namespace GenreML.Audio.Decoding;

/// <summary>
/// The one entry point for reading audio: it identifies the content by its first bytes (never by
/// the file name), decodes WAV (RIFF/RF64), AU/SND, MP3, FLAC, Ogg Vorbis and Ogg Opus in managed code,
/// and hands everything else (AAC/M4A, WMA, AIFF, WAV with a compressed codec, multichannel Opus, …)
/// to <see cref="FfmpegDecoder"/>. The result is mono (mean of the channels) float audio at the file's
/// own sample rate (48 kHz for Opus); resampling is a separate step. <see cref="Open(string)"/> streams
/// it in chunks, <see cref="Read(string)"/> returns it whole.
/// </summary>
public static class AudioDecoder
{
    /// <summary>
    /// The file extensions a folder scan picks up (lower case, with the dot): <c>.wav .wave .au .snd
    /// .mp3 .flac .ogg .oga .opus</c> (decoded in managed code) and <c>.m4a .aac .wma .aif .aiff .aifc</c>
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

    /// <summary>Decodes the whole audio file at <paramref name="path"/> (options from the environment).</summary>
    /// <exception cref="AudioFormatException">The file is missing, empty, damaged or in a format nothing here can decode.</exception>
    public static AudioSignal Read(string path) => Read(path, AudioDecodeOptions.FromEnvironment());

    /// <summary>Decodes the whole audio file at <paramref name="path"/> with the given <paramref name="options"/>.</summary>
    /// <exception cref="AudioFormatException">The file is missing, empty, damaged or in a format nothing here can decode.</exception>
    public static AudioSignal Read(string path, AudioDecodeOptions options)
    {
        using var source = Open(path, options);
        return source.ReadToEnd();
    }

    /// <summary>
    /// Decodes the whole of <paramref name="stream"/>, naming it <paramref name="sourceName"/> in errors (its
    /// extension, if any, is used as a hint in messages). Non-seekable streams work; a WAV file with a
    /// compressed codec can only be handed to ffmpeg when the stream is seekable.
    /// </summary>
    /// <exception cref="AudioFormatException">The content is empty, damaged or in a format nothing here can decode.</exception>
    public static AudioSignal Read(Stream stream, string sourceName) => Read(stream, sourceName, AudioDecodeOptions.FromEnvironment());

    /// <summary>Decodes the whole of <paramref name="stream"/> with the given <paramref name="options"/>.</summary>
    /// <exception cref="AudioFormatException">The content is empty, damaged or in a format nothing here can decode.</exception>
    public static AudioSignal Read(Stream stream, string sourceName, AudioDecodeOptions options)
    {
        using var source = Open(stream, sourceName, options);
        return source.ReadToEnd();
    }

    /// <summary>Opens the audio file at <paramref name="path"/> for reading in chunks (options from the environment).</summary>
    /// <exception cref="AudioFormatException">The file is missing, empty, or its header is damaged or in a format nothing here can decode.</exception>
    public static MonoAudioSource Open(string path) => Open(path, AudioDecodeOptions.FromEnvironment());

    /// <summary>
    /// Opens the audio file at <paramref name="path"/> for reading in chunks: the returned source owns the
    /// file (and the ffmpeg process, if one is needed) until it is disposed.
    /// </summary>
    /// <exception cref="AudioFormatException">The file is missing, empty, or its header is damaged or in a format nothing here can decode.</exception>
    public static MonoAudioSource Open(string path, AudioDecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stream = SourceFile.Open(path);
        try
        {
            var source = OpenContent(stream, path, options);
            source.Owned = stream;
            return source;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="stream"/> for reading in chunks (options from the environment); the caller keeps owning the stream.</summary>
    /// <exception cref="AudioFormatException">The content is empty, or its header is damaged or in a format nothing here can decode.</exception>
    public static MonoAudioSource Open(Stream stream, string sourceName) => Open(stream, sourceName, AudioDecodeOptions.FromEnvironment());

    /// <summary>
    /// Opens <paramref name="stream"/> (seekable or not) for reading in chunks, naming it
    /// <paramref name="sourceName"/> in errors; the caller keeps owning the stream and must keep it open
    /// while the source is read.
    /// </summary>
    /// <exception cref="AudioFormatException">The content is empty, or its header is damaged or in a format nothing here can decode.</exception>
    public static MonoAudioSource Open(Stream stream, string sourceName, AudioDecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(options);
        return OpenContent(stream, sourceName, options);
    }

    /// <summary>The one dispatch: sniff the content, then hand it to its decoder, or to ffmpeg.</summary>
    private static MonoAudioSource OpenContent(Stream stream, string sourceName, AudioDecodeOptions options)
    {
        if (options.ForceFfmpeg)
        {
            return FfmpegDecoder.Open(stream, sourceName, options.FfmpegExecutable);
        }

        long? start = stream.CanSeek ? stream.Position : null;
        try
        {
            var (kind, content) = Sniff(stream, sourceName);
            try
            {
                return kind switch
                {
                    ContainerKind.Wav => WavDecoder.OpenCore(content, sourceName),
                    ContainerKind.Au => AuDecoder.Open(content, sourceName),
                    ContainerKind.Mp3 => Mp3Source.Open(content, sourceName),
                    ContainerKind.Flac => FlacSource.Open(content, sourceName),
                    ContainerKind.OggVorbis => VorbisSource.Open(content, sourceName),
                    ContainerKind.OggOpus => OpusSource.Open(content, sourceName),
                    _ => FfmpegDecoder.Open(content, sourceName, options.FfmpegExecutable),
                };
            }
            catch (ManagedDecoderDeclinedException declined)
            {
                if (start is not long rewind)
                {
                    throw new AudioFormatException(sourceName, $"{declined.Reason.Reason}; the stream cannot be rewound to hand it to ffmpeg", declined);
                }

                stream.Position = rewind;
                return FfmpegDecoder.Open(stream, sourceName, options.FfmpegExecutable);
            }
        }
        catch (IOException io)
        {
            throw new AudioFormatException(sourceName, $"read error: {io.Message}", io);
        }
    }

    /// <summary>
    /// Identifies the content from its first bytes (past an ID3v2 tag) and returns a stream that starts
    /// at the content's first byte again: the stream itself rewound, or the bytes read replayed in front of the rest.
    /// </summary>
    private static (ContainerKind Kind, Stream Content) Sniff(Stream stream, string sourceName)
    {
        if (stream.CanSeek)
        {
            if (stream.Position >= stream.Length)
            {
                throw new AudioFormatException(sourceName, "the file is empty (0 bytes)");
            }

            return (ContainerSniffer.Identify(stream).Kind, stream);
        }

        byte[] head = new byte[ContainerSniffer.HeadLength];
        int got = StreamReading.ReadUpTo(stream, head);
        if (got == 0)
        {
            throw new AudioFormatException(sourceName, "the file is empty (0 bytes)");
        }

        byte[] consumed = head[..got];
        long tag = Id3v2.TagLength(consumed);
        if (tag >= got)
        {
            byte[] rest = StreamReading.ReadBounded(stream, tag - got + ContainerSniffer.HeadLength);
            consumed = [.. consumed, .. rest];
        }

        var kind = ContainerSniffer.Identify(consumed.AsSpan((int)Math.Min(tag, consumed.Length)));
        return (kind, new PrefixedStream(consumed, stream));
    }
}
