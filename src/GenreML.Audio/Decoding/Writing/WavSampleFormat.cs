namespace GenreML.Audio.Decoding;

/// <summary>How <see cref="WavWriter"/> stores samples.</summary>
public enum WavSampleFormat
{
    /// <summary>16-bit signed PCM: samples are scaled by 32768, rounded to nearest and clipped to [-32768, 32767].</summary>
    Pcm16,

    /// <summary>32-bit IEEE float, stored exactly as given (values outside [-1, 1] are kept).</summary>
    Float32,
}
