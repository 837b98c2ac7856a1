namespace GenreML.Tagging.Containers;

/// <summary>The containers <c>genreml tag</c> knows how to tag, identified from the content.</summary>
public enum AudioContainer
{
    /// <summary>MPEG audio (MP3), tagged with an ID3v2.4 TCON frame.</summary>
    Mp3,

    /// <summary>FLAC, tagged with a Vorbis comment GENRE field.</summary>
    Flac,

    /// <summary>Ogg Vorbis, tagged with a Vorbis comment GENRE field.</summary>
    OggVorbis,

    /// <summary>Ogg Opus, tagged with a Vorbis comment GENRE field (OpusTags).</summary>
    Opus,

    /// <summary>MPEG-4 audio (M4A/AAC/ALAC), tagged with an iTunes ©gen atom.</summary>
    Mp4,

    /// <summary>RIFF/WAVE, tagged with an ID3v2.4 TCON frame in an "id3 " chunk only when asked (<c>--wav-id3</c>).</summary>
    Wav,
}
