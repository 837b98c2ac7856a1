namespace GenreML.Audio.Decoding;

/// <summary>The container an input's first bytes reveal, which picks its decoder.</summary>
internal enum ContainerKind
{
    /// <summary>RIFF/WAVE, RF64/WAVE or BW64/WAVE: <see cref="WavDecoder"/>.</summary>
    Wav,

    /// <summary>Sun/NeXT ".snd" (or its little-endian "dns."): <see cref="AuDecoder"/>.</summary>
    Au,

    /// <summary>Anything else: <see cref="FfmpegDecoder"/>.</summary>
    Other,
}
