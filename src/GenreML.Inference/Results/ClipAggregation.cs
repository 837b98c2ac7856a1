using GenreML.Inference.Cards;

namespace GenreML.Inference.Results;

/// <summary>
/// The one clip aggregation (<see cref="AggregationRule.MeanProbabilities"/>: the mean of the window
/// probabilities, summed in double in window order) and the one ranking (most probable first, ties in label
/// order) that the embeddable classifier, training's evaluation, the ML.NET scorer and batch results all use;
/// the ONNX clip-level graph is tested against it.
/// </summary>
public static class ClipAggregation
{
    /// <summary>The clip probabilities: the mean of <paramref name="windowProbabilities"/> (one row per window, equal lengths).</summary>
    /// <exception cref="ArgumentException">There are no windows, or the rows differ in length.</exception>
    public static float[] Mean(IReadOnlyList<float[]> windowProbabilities)
    {
        ArgumentNullException.ThrowIfNull(windowProbabilities);
        if (windowProbabilities.Count == 0)
        {
            throw new ArgumentException("a clip needs at least one window to aggregate", nameof(windowProbabilities));
        }

        var mean = new WindowMean(windowProbabilities[0].Length);
        foreach (float[] row in windowProbabilities)
        {
            mean.Add(row);
        }

        var clip = new float[mean.Classes];
        mean.CopyTo(clip);
        return clip;
    }

    /// <summary>Index of the largest value, the first on ties (so the card's label order breaks them).</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("there is no largest of no values", nameof(values));
        }

        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// The indices of the <paramref name="top"/> most probable classes, most probable first; equal probabilities
    /// keep label order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is not in 1 … the number of classes.</exception>
    public static int[] TopIndices(IReadOnlyList<float> probabilities, int top)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(top, probabilities.Count);
        return Enumerable.Range(0, probabilities.Count)
            .OrderByDescending(i => probabilities[i])
            .ThenBy(i => i)
            .Take(top)
            .ToArray();
    }

    /// <summary>Every label with its probability, most probable first; equal probabilities keep label order.</summary>
    /// <exception cref="ArgumentException">The counts of labels and probabilities differ.</exception>
    public static GenreScore[] Rank(IReadOnlyList<string> labels, IReadOnlyList<float> probabilities)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (labels.Count != probabilities.Count)
        {
            throw new ArgumentException($"{labels.Count} labels but {probabilities.Count} probabilities", nameof(probabilities));
        }

        return TopIndices(probabilities, probabilities.Count).Select(i => new GenreScore(labels[i], probabilities[i])).ToArray();
    }
}
