namespace GenreML.Audio.Features;

/// <summary>How frequencies in Hz map to the Mel scale.</summary>
public enum MelScale
{
    /// <summary>Slaney's Auditory Toolbox scale: linear below 1 kHz, logarithmic above (librosa's default, <c>htk=False</c>).</summary>
    Slaney,

    /// <summary>The HTK formula <c>2595·log10(1 + f/700)</c> (torchaudio's default).</summary>
    Htk,
}
