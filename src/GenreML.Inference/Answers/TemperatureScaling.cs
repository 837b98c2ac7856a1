namespace GenreML.Inference.Answers;

/// <summary>
/// Temperature scaling of clip probabilities: softmax(log p / T), which equals softmax(z / T) of the logits z
/// whenever p = softmax(z). The one place every consumer (embeddable classifier, ML.NET scorer, CLI,
/// <c>genreml calibrate</c>) calibrates with the card's temperature. The result sums to 1; zeros stay zero.
/// </summary>
public static class TemperatureScaling
{
    /// <summary>The probabilities <paramref name="probabilities"/> scaled by <paramref name="temperature"/>; a new array.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not positive and finite.</exception>
    /// <exception cref="ArgumentException">There are no probabilities, or none is positive.</exception>
    public static float[] Apply(ReadOnlySpan<float> probabilities, double temperature)
    {
        if (!(temperature > 0) || !double.IsFinite(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the temperature must be positive and finite");
        if (probabilities.IsEmpty)
            throw new ArgumentException("there are no probabilities to scale", nameof(probabilities));
        var logs = new double[probabilities.Length];
        double max = double.NegativeInfinity;
        for (int i = 0; i < logs.Length; i++)
        {
            logs[i] = probabilities[i] > 0 ? Math.Log(probabilities[i]) / temperature : double.NegativeInfinity;
            max = Math.Max(max, logs[i]);
        }

        if (double.IsNegativeInfinity(max))
            throw new ArgumentException("no probability is positive", nameof(probabilities));
        double sum = 0;
        for (int i = 0; i < logs.Length; i++)
        {
            logs[i] = Math.Exp(logs[i] - max);
            sum += logs[i];
        }

        var scaled = new float[logs.Length];
        for (int i = 0; i < logs.Length; i++)
        {
            scaled[i] = (float)(logs[i] / sum);
        }

        return scaled;
    }
}
