namespace GenreML.Tagging.Containers;

/// <summary>What differs between containers when tagging: the MIME type TagLibSharp is opened with, multi-value support, names.</summary>
public static class ContainerTraits
{
    /// <summary>TagLibSharp's MIME type for <paramref name="container"/>, so it parses by content rather than by file extension.</summary>
    internal static string TagLibMimeType(this AudioContainer container) => container switch
    {
        AudioContainer.Mp3 => "taglib/mp3",
        AudioContainer.Flac => "taglib/flac",
        AudioContainer.OggVorbis => "taglib/ogg",
        AudioContainer.Opus => "taglib/opus",
        AudioContainer.Mp4 => "taglib/m4a",
        AudioContainer.Wav => "taglib/wav",
        _ => throw new ArgumentOutOfRangeException(nameof(container), container, "unknown container"),
    };

    /// <summary>
    /// True when the genre field holds several values natively (ID3v2.4 TCON, repeated Vorbis GENRE); false
    /// for MP4 ©gen, whose players read one string, so several genres are joined with the delimiter.
    /// </summary>
    public static bool HoldsSeveralGenres(this AudioContainer container) => container != AudioContainer.Mp4;

    /// <summary>A short name for messages.</summary>
    public static string DisplayName(this AudioContainer container) => container switch
    {
        AudioContainer.Mp3 => "MP3",
        AudioContainer.Flac => "FLAC",
        AudioContainer.OggVorbis => "Ogg Vorbis",
        AudioContainer.Opus => "Opus",
        AudioContainer.Mp4 => "MP4",
        AudioContainer.Wav => "WAV",
        _ => container.ToString(),
    };
}
