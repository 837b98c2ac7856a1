namespace GenreML.Audio.Features;

/// <summary>How the signal is extended by <c>n_fft/2</c> samples at each end when frames are centred.</summary>
public enum PadMode
{
    /// <summary>Zeros (librosa ≥ 0.10's default, <c>pad_mode="constant"</c>).</summary>
    Constant,

    /// <summary>Mirror without repeating the edge sample (torchaudio's default, <c>pad_mode="reflect"</c>).</summary>
    Reflect,
}
