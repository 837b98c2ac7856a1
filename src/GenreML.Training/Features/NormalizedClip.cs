using GenreML.Training.Data;

namespace GenreML.Training.Features;

/// <summary>A clip's normalised spectrogram, band-major <c>Bands × Frames</c>, ready for windowing.</summary>
/// <param name="Clip">The clip.</param>
/// <param name="LabelIndex">Class index of its label.</param>
/// <param name="Data">Normalised values <c>(x - mean) / std</c>.</param>
/// <param name="Bands">Mel bands.</param>
/// <param name="Frames">Frames.</param>
internal sealed record NormalizedClip(LabeledClip Clip, int LabelIndex, float[] Data, int Bands, int Frames)
{
    /// <summary>Normalised spectrograms of the clip's waveform-augmented versions (empty without augmentation); same bands, their own frame counts.</summary>
    public IReadOnlyList<NormalizedClip> Variants { get; init; } = [];
}
