namespace GenreML.Inference.Results;

/// <summary>
/// Accumulates window probabilities of one clip, one window at a time, for <see cref="ClipAggregation"/>'s
/// mean (summed in double in the order added, so the result does not depend on how windows are batched).
/// </summary>
public sealed class WindowMean
{
    private readonly double[] _sum;

    /// <summary>An empty accumulator for <paramref name="classes"/> probabilities per window.</summary>
    public WindowMean(int classes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        _sum = new double[classes];
    }

    /// <summary>Probabilities per window.</summary>
    public int Classes => _sum.Length;

    /// <summary>Windows added since creation or the last <see cref="Clear"/>.</summary>
    public int Windows { get; private set; }

    /// <summary>Adds one window's probabilities.</summary>
    /// <exception cref="ArgumentException">The window has the wrong number of probabilities.</exception>
    public void Add(ReadOnlySpan<float> probabilities)
    {
        if (probabilities.Length != _sum.Length)
        {
            throw new ArgumentException($"a window has {probabilities.Length} probabilities, expected {_sum.Length}", nameof(probabilities));
        }

        for (int c = 0; c < _sum.Length; c++)
        {
            _sum[c] += probabilities[c];
        }

        Windows++;
    }

    /// <summary>Writes the mean of the windows added into <paramref name="destination"/>.</summary>
    /// <exception cref="InvalidOperationException">No window was added.</exception>
    public void CopyTo(Span<float> destination)
    {
        if (Windows == 0)
        {
            throw new InvalidOperationException("no window was added, so there is no mean");
        }

        if (destination.Length != _sum.Length)
        {
            throw new ArgumentException($"the destination holds {destination.Length} values, expected {_sum.Length}", nameof(destination));
        }

        for (int c = 0; c < _sum.Length; c++)
        {
            destination[c] = (float)(_sum[c] / Windows);
        }
    }

    /// <summary>Starts a new clip.</summary>
    public void Clear()
    {
        Array.Clear(_sum);
        Windows = 0;
    }
}
