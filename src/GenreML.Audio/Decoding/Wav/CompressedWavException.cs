namespace GenreML.Audio.Decoding;

/// <summary>
/// Raised inside the WAV reader when a well-formed RIFF/WAVE file uses a compressed codec
/// (ADPCM, MP3, …); <see cref="AudioDecoder"/> answers it by handing the file to ffmpeg, and
/// <see cref="WavDecoder"/> turns it into an <see cref="AudioFormatException"/>.
/// </summary>
internal sealed class CompressedWavException(AudioFormatException reason) : Exception(reason.Message, reason)
{
    /// <summary>The error to report when no other decoder is tried.</summary>
    public AudioFormatException Reason { get; } = reason;
}
