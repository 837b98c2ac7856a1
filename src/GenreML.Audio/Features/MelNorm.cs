namespace GenreML.Audio.Features;

/// <summary>How each triangular Mel filter is scaled.</summary>
public enum MelNorm
{
    /// <summary>Area normalisation: each filter is divided by its width in Hz over 2 (librosa's default, <c>norm="slaney"</c>).</summary>
    Slaney,

    /// <summary>Filters peak at 1 (torchaudio's default, <c>norm=None</c>).</summary>
    None,
}
