namespace GenreML.Audio.Features;

/// <summary>
/// Turns one audio file into its log-Mel spectrogram (decode → 22 050 Hz mono → log-Mel).
/// <see cref="ClipFeaturizer"/> is the implementation; training takes the interface so tests can feed
/// synthetic spectrograms without decoding audio.
/// </summary>
public interface IClipFeaturizer
{
    /// <summary>The settings every spectrogram is computed with; part of the feature cache key and the model card.</summary>
    LogMelOptions Options { get; }

    /// <summary>The spectrogram of <paramref name="path"/>, <c>Options.MelBands</c> bands; throws when the file cannot be read.</summary>
    Spectrogram Featurize(string path);
}
