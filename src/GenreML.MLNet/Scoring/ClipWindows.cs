using GenreML.Audio;
using GenreML.Audio.Features;
using GenreML.Inference.Answers;

namespace GenreML.MLNet.Scoring;

/// <summary>The model windows of one clip and its evidence for the status, or why there are none.</summary>
internal sealed record ClipWindows(long Index, string Path, string? Label, double DurationSeconds, float[][] Windows, string Error, float[] Evidence)
{
    /// <summary>
    /// Decodes, resamples and computes the log-Mel spectrogram with the shared <see cref="ClipFeaturizer"/>,
    /// then cuts exactly the windows of <see cref="SpectrogramWindows.Cut"/>. A file that cannot be read
    /// gives a result with <see cref="Error"/> set instead of an exception.
    /// </summary>
    public static ClipWindows Compute(ClipFeaturizer featurizer, int windowFrames, int windowHop, long index, string path, string? label)
    {
        try
        {
            AudioSignal signal = featurizer.Load(path);
            Spectrogram spectrogram = featurizer.Compute(signal);
            if (spectrogram.Frames == 0)
            {
                return Failed(index, path, label, "the clip is too short for one frame");
            }

            float[][] windows = SpectrogramWindows.Cut(spectrogram, windowFrames, windowHop);
            float[] evidence = ClipEvidence.Measure(signal.Samples, signal.SampleRate, spectrogram).ToVector();
            return new ClipWindows(index, path, label, signal.Duration.TotalSeconds, windows, "", evidence);
        }
        catch (AudioFormatException e)
        {
            return Failed(index, path, label, e.Reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Failed(index, path, label, e.Message);
        }
    }

    private static ClipWindows Failed(long index, string path, string? label, string reason) =>
        new(index, path, label, 0, [], reason, new float[ClipEvidence.VectorLength]);
}
