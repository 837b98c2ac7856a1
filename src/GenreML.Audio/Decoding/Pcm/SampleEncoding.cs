namespace GenreML.Audio.Decoding;

/// <summary>How one stored sample represents an amplitude.</summary>
internal enum SampleEncoding
{
    /// <summary>Unsigned integer with its midpoint at zero amplitude (8-bit WAV).</summary>
    UnsignedInteger,

    /// <summary>Two's-complement signed integer, full scale at 2^(bits-1).</summary>
    SignedInteger,

    /// <summary>IEEE 754 binary32 or binary64, nominal range [-1, 1].</summary>
    Float,

    /// <summary>G.711 μ-law, one byte per sample.</summary>
    MuLaw,

    /// <summary>G.711 A-law, one byte per sample.</summary>
    ALaw,
}
