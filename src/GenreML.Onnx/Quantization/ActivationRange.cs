namespace GenreML.Onnx.Quantization;

/// <summary>The smallest and largest value a graph value took over the calibration windows.</summary>
/// <param name="Min">Smallest value seen.</param>
/// <param name="Max">Largest value seen.</param>
public readonly record struct ActivationRange(float Min, float Max)
{
    /// <summary>This range widened to hold <paramref name="values"/>.</summary>
    public ActivationRange Widen(ReadOnlySpan<float> values)
    {
        float min = Min, max = Max;
        foreach (float v in values)
        {
            if (v < min)
            {
                min = v;
            }

            if (v > max)
            {
                max = v;
            }
        }

        return new ActivationRange(min, max);
    }

    /// <summary>The range before any value: <see cref="Widen"/> sets both ends from the first values.</summary>
    public static ActivationRange Empty { get; } = new(float.PositiveInfinity, float.NegativeInfinity);
}
