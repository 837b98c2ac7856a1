namespace GenreML.Audio.Decoding;

/// <summary>The container an input's first bytes reveal, which picks its decoder.</summary>
internal enum ContainerKind
{
    /// <summary>RIFF/WAVE, RF64/WAVE or BW64/WAVE: <see cref="WavDecoder"/>.</summary>
    Wav,

    /// <summary>Sun/NeXT ".snd" (or its little-endian "dns."): <see cref="AuDecoder"/>.</summary>
    Au,

    /// <summary>MPEG-1/2/2.5 Layer III frames (after an optional ID3v2 tag): the NLayer-based MP3 decoder.</summary>
    Mp3,

    /// <summary>Native FLAC ("fLaC", after an optional ID3v2 tag): the managed FLAC decoder.</summary>
    Flac,

    /// <summary>An Ogg stream whose first packet is a Vorbis identification header.</summary>
    OggVorbis,

    /// <summary>An Ogg stream whose first packet is "OpusHead".</summary>
    OggOpus,

    /// <summary>An ISO base media file ("ftyp" box: M4A, MP4 with AAC or ALAC): <see cref="FfmpegDecoder"/>.</summary>
    Mp4,

    /// <summary>Anything else: <see cref="FfmpegDecoder"/>.</summary>
    Other,
}
