namespace GenreML.Audio.Features;

/// <summary>Which quantity of the STFT is Mel-weighted.</summary>
public enum SpectrumKind
{
    /// <summary>|X|², librosa's <c>power=2.0</c>; the decibel step then uses 10·log10.</summary>
    Power,

    /// <summary>|X|, librosa's <c>power=1.0</c>; the decibel step then uses 20·log10.</summary>
    Magnitude,
}
