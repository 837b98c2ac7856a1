namespace GenreML.Audio.Decoding;

/// <summary>
/// Raised by a managed decoder for a well-formed file it does not decode itself (a WAV file with a
/// compressed codec such as ADPCM, a multichannel Opus stream); <see cref="AudioDecoder"/> answers
/// it by handing the file to ffmpeg, and the public single-format entry points turn it into an
/// <see cref="AudioFormatException"/>.
/// </summary>
internal sealed class ManagedDecoderDeclinedException(AudioFormatException reason) : Exception(reason.Message, reason)
{
    /// <summary>The error to report when no other decoder is tried.</summary>
    public AudioFormatException Reason { get; } = reason;
}
