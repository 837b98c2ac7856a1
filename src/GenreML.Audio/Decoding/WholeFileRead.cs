namespace GenreML.Audio.Decoding;

/// <summary>
/// The whole-file <c>Read</c> methods of the format-specific decoders (<see cref="WavDecoder"/>, <see cref="AuDecoder"/>):
/// open the content with the decoder, read it to the end, and report every failure as an <see cref="AudioFormatException"/>.
/// </summary>
internal static class WholeFileRead
{
    /// <summary>Reads the file at <paramref name="path"/> with <paramref name="read"/> (a decoder's stream <c>Read</c>).</summary>
    public static AudioSignal FromPath(string path, Func<Stream, string, AudioSignal> read)
    {
        using var stream = SourceFile.Open(path);
        return read(stream, path);
    }

    /// <summary>Opens <paramref name="stream"/> with <paramref name="open"/> and reads it to the end; <paramref name="sourceName"/> names it in errors.</summary>
    public static AudioSignal FromStream(Stream stream, string sourceName, Func<Stream, string, MonoAudioSource> open)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        try
        {
            using var source = open(stream, sourceName);
            return source.ReadToEnd();
        }
        catch (ManagedDecoderDeclinedException declined)
        {
            throw declined.Reason;
        }
        catch (IOException io)
        {
            throw new AudioFormatException(sourceName, $"read error: {io.Message}", io);
        }
    }
}
