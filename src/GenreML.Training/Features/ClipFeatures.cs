using GenreML.Audio.Features;
using GenreML.Training.Data;

namespace GenreML.Training.Features;

/// <summary>A clip's spectrogram held in memory with its class index.</summary>
/// <param name="Clip">The clip.</param>
/// <param name="LabelIndex">Class index of the clip's label.</param>
/// <param name="Spectrogram">Its log-Mel spectrogram (raw dB, not normalised).</param>
internal sealed record ClipFeatures(LabeledClip Clip, int LabelIndex, Spectrogram Spectrogram);
