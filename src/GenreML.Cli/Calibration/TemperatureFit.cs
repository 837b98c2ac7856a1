using GenreML.Inference.Answers;

namespace GenreML.Cli.Calibration;

/// <summary>
/// Fits the temperature T that minimises the mean negative log-likelihood of the true labels under
/// <see cref="TemperatureScaling"/> (golden-section search on log T over [1/20, 20]; the likelihood is convex in 1/T).
/// </summary>
internal static class TemperatureFit
{
    public static double Fit(IReadOnlyList<float[]> clipProbabilities, IReadOnlyList<int> truth)
    {
        if (clipProbabilities.Count == 0 || clipProbabilities.Count != truth.Count)
            throw new ArgumentException($"temperature fitting needs labelled clips (got {clipProbabilities.Count} rows, {truth.Count} labels)");
        double lo = Math.Log(1 / 20.0), hi = Math.Log(20.0);
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
        double fa = LogLoss(clipProbabilities, truth, Math.Exp(a)), fb = LogLoss(clipProbabilities, truth, Math.Exp(b));
        for (int i = 0; i < 80; i++)
        {
            if (fa < fb)
            {
                hi = b; b = a; fb = fa;
                a = hi - ratio * (hi - lo);
                fa = LogLoss(clipProbabilities, truth, Math.Exp(a));
            }
            else
            {
                lo = a; a = b; fa = fb;
                b = lo + ratio * (hi - lo);
                fb = LogLoss(clipProbabilities, truth, Math.Exp(b));
            }
        }

        return Math.Exp((lo + hi) / 2);
    }

    public static double LogLoss(IReadOnlyList<float[]> clipProbabilities, IReadOnlyList<int> truth, double temperature)
    {
        double sum = 0;
        for (int i = 0; i < truth.Count; i++)
        {
            sum -= Math.Log(Math.Max(TemperatureScaling.Apply(clipProbabilities[i], temperature)[truth[i]], 1e-15));
        }

        return sum / truth.Count;
    }
}
