namespace GenreML.Reports.Data;

/// <summary>
/// A confusion matrix: <c>Counts[t, p]</c> is the number of clips whose true label is <c>Labels[t]</c>
/// and whose predicted label is <c>Labels[p]</c>.
/// </summary>
public sealed record ConfusionData
{
    /// <summary>The matrix given as rows (<c>rows[t][p]</c>), as metrics files store it; copied and validated.</summary>
    /// <exception cref="ArgumentException">A row's length differs from the label count, or see the other constructor.</exception>
    public static ConfusionData FromRows(IReadOnlyList<string> labels, IReadOnlyList<IReadOnlyList<int>> rows)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(rows);
        var counts = new int[rows.Count, labels.Count];
        for (int t = 0; t < rows.Count; t++)
        {
            if (rows[t].Count != labels.Count)
            {
                throw new ArgumentException($"confusion row {t} has {rows[t].Count} counts but there are {labels.Count} labels", nameof(rows));
            }

            for (int p = 0; p < labels.Count; p++)
            {
                counts[t, p] = rows[t][p];
            }
        }

        return new ConfusionData(labels, counts);
    }

    /// <summary>Validates and wraps the matrix (not copied).</summary>
    /// <exception cref="ArgumentException">The matrix is not square, does not match the labels, or holds a negative count.</exception>
    public ConfusionData(IReadOnlyList<string> labels, int[,] counts)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(counts);
        if (labels.Count == 0)
        {
            throw new ArgumentException("a confusion matrix needs at least one label", nameof(labels));
        }
        if (counts.GetLength(0) != labels.Count || counts.GetLength(1) != labels.Count)
        {
            throw new ArgumentException(
                $"counts is {counts.GetLength(0)}×{counts.GetLength(1)} but there are {labels.Count} labels; expected {labels.Count}×{labels.Count}",
                nameof(counts));
        }
        for (var t = 0; t < labels.Count; t++)
        {
            for (var p = 0; p < labels.Count; p++)
            {
                if (counts[t, p] < 0)
                {
                    throw new ArgumentException($"counts[{t}, {p}] (true {labels[t]}, predicted {labels[p]}) is negative: {counts[t, p]}", nameof(counts));
                }
            }
        }
        Labels = labels;
        Counts = counts;
    }

    /// <summary>The labels, in the order of the matrix rows and columns.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Counts indexed [true, predicted].</summary>
    public int[,] Counts { get; }

    /// <summary>Number of clips whose true label is <c>Labels[trueIndex]</c> (the row sum).</summary>
    public int RowTotal(int trueIndex)
    {
        var sum = 0;
        for (var p = 0; p < Labels.Count; p++)
        {
            sum += Counts[trueIndex, p];
        }
        return sum;
    }
}
