namespace GenreML.Audio.Features;

/// <summary>The reference power that maps to 0 dB in the decibel conversion.</summary>
public enum DbReference
{
    /// <summary>A fixed reference of 1.0 (<c>ref=1.0</c>): absolute levels survive, so loud and quiet clips differ.</summary>
    One,

    /// <summary>The largest value of the clip's spectrogram (<c>ref=np.max</c>): every clip peaks at 0 dB.</summary>
    Max,
}
