namespace GenreML.Audio.Decoding;

/// <summary>The storage of one sample: its encoding, width in bytes and byte order.</summary>
internal readonly record struct SampleFormat(SampleEncoding Encoding, int BytesPerSample, bool BigEndian)
{
    /// <summary>A human-readable name for error messages, e.g. "16-bit signed PCM".</summary>
    public string Describe() => Encoding switch
    {
        SampleEncoding.UnsignedInteger => $"{BytesPerSample * 8}-bit unsigned PCM",
        SampleEncoding.SignedInteger => $"{BytesPerSample * 8}-bit signed PCM",
        SampleEncoding.Float => $"{BytesPerSample * 8}-bit float",
        SampleEncoding.MuLaw => "8-bit μ-law",
        _ => "8-bit A-law",
    };
}
