using GenreML.Audio.Features;
using GenreML.Training.Data;

namespace GenreML.Training.Features;

/// <summary>Featurises a list of clips, skipping (and recording) the files that fail.</summary>
internal static class FeatureLoader
{
    /// <summary>
    /// Computes every clip's spectrogram with <paramref name="featurizer"/>. A file that throws, or whose
    /// spectrogram has the wrong number of bands or no frames, is recorded in <paramref name="failures"/> and skipped.
    /// </summary>
    public static IReadOnlyList<ClipFeatures> Load(
        Dataset dataset,
        IReadOnlyList<LabeledClip> clips,
        IClipFeaturizer featurizer,
        ICollection<FeatureFailure> failures,
        Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(failures);
        int bands = featurizer.Options.MelBands;
        var loaded = new List<ClipFeatures>(clips.Count);
        for (int i = 0; i < clips.Count; i++)
        {
            var clip = clips[i];
            try
            {
                var s = featurizer.Featurize(clip.Path);
                if (s.Bands != bands)
                    failures.Add(new FeatureFailure(clip.Path, $"spectrogram has {s.Bands} bands, expected {bands}"));
                else if (s.Frames == 0)
                    failures.Add(new FeatureFailure(clip.Path, "spectrogram has no frames (empty audio)"));
                else if (s.Data.Any(v => !float.IsFinite(v)))
                    failures.Add(new FeatureFailure(clip.Path, "spectrogram contains NaN or infinite values"));
                else
                    loaded.Add(new ClipFeatures(clip, dataset.IndexOf(clip.Label), s));
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                failures.Add(new FeatureFailure(clip.Path, $"{e.GetType().Name}: {e.Message}"));
            }

            progress?.Invoke(i + 1, clips.Count);
        }

        return loaded;
    }
}
