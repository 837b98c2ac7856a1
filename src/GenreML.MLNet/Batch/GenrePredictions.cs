using GenreML.MLNet.Scoring;
using Microsoft.ML;

namespace GenreML.MLNet.Batch;

/// <summary>Turns scored clips into <see cref="GenrePrediction"/> rows with the top-k genres.</summary>
public static class GenrePredictions
{
    /// <summary>
    /// Streams one prediction per row of <paramref name="scoredClips"/> (scoring happens as the sequence is
    /// enumerated; a file that fails yields a prediction with <see cref="GenrePrediction.Error"/> and the rest go on).
    /// </summary>
    /// <param name="scoredClips">The output of <see cref="GenreScoringTransformer.Transform"/>.</param>
    /// <param name="top">How many genres to list per file (1 … number of labels).</param>
    public static IEnumerable<GenrePrediction> Read(IDataView scoredClips, int top = 3)
    {
        ArgumentNullException.ThrowIfNull(scoredClips);
        string[] labels = ScoredClipReader.Labels(scoredClips);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(top, labels.Length);
        return ScoredClipReader.Read(scoredClips).Select(clip => From(clip, labels, top));
    }

    /// <summary>The prediction for one scored clip.</summary>
    public static GenrePrediction From(ScoredClip clip, IReadOnlyList<string> labels, int top)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(labels);
        if (!clip.Succeeded)
        {
            return new GenrePrediction(clip.Path, null, null, float.NaN, [], [], clip.DurationSeconds, clip.Error);
        }

        int[] order = Enumerable.Range(0, clip.Score.Length)
            .OrderByDescending(i => clip.Score[i])
            .ThenBy(i => i)
            .Take(top)
            .ToArray();
        return new GenrePrediction(
            clip.Path,
            clip.Status,
            labels[order[0]],
            clip.Score[order[0]],
            order.Select(i => labels[i]).ToArray(),
            order.Select(i => clip.Score[i]).ToArray(),
            clip.DurationSeconds,
            null);
    }
}
