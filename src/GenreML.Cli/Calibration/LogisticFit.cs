using GenreML.Inference.Answers;
using GenreML.Inference.Cards;

namespace GenreML.Cli.Calibration;

/// <summary>
/// Fits the not-music check: features standardised on the fitting data, then an L2-regularised logistic
/// regression (full-batch gradient descent) with the two classes weighted equally, so a few hundred music
/// clips and fewer negatives count the same. The threshold is set afterwards by <see cref="Threshold"/>.
/// </summary>
internal static class LogisticFit
{
    private const double L2 = 0.01;
    private const int Steps = 3000;
    private const double Rate = 0.5;

    /// <summary>Fits on <paramref name="music"/> (label 0) and <paramref name="notMusic"/> (label 1) feature rows; the threshold is a placeholder 0.5.</summary>
    public static NotMusicModel Fit(IReadOnlyList<double[]> music, IReadOnlyList<double[]> notMusic)
    {
        if (music.Count == 0 || notMusic.Count == 0)
            throw new ArgumentException($"the not-music check needs music and non-music clips (got {music.Count} and {notMusic.Count})");
        int d = MusicEvidence.FeatureNames.Count;
        var rows = music.Concat(notMusic).ToArray();
        var means = new double[d];
        var scales = new double[d];
        for (int j = 0; j < d; j++)
        {
            means[j] = rows.Average(r => r[j]);
            double variance = rows.Average(r => (r[j] - means[j]) * (r[j] - means[j]));
            scales[j] = variance > 1e-18 ? Math.Sqrt(variance) : 1;
        }

        var x = rows.Select(r => Enumerable.Range(0, d).Select(j => (r[j] - means[j]) / scales[j]).ToArray()).ToArray();
        var y = Enumerable.Repeat(0.0, music.Count).Concat(Enumerable.Repeat(1.0, notMusic.Count)).ToArray();
        var sampleWeight = y.Select(v => v == 0 ? 0.5 / music.Count : 0.5 / notMusic.Count).ToArray();
        var w = new double[d];
        double bias = 0;
        for (int step = 0; step < Steps; step++)
        {
            var gradient = new double[d];
            double gradientBias = 0;
            for (int i = 0; i < x.Length; i++)
            {
                double z = bias;
                for (int j = 0; j < d; j++) z += w[j] * x[i][j];
                double error = (1 / (1 + Math.Exp(-z)) - y[i]) * sampleWeight[i];
                for (int j = 0; j < d; j++) gradient[j] += error * x[i][j];
                gradientBias += error;
            }

            for (int j = 0; j < d; j++) w[j] -= Rate * (gradient[j] + L2 * w[j]);
            bias -= Rate * gradientBias;
        }

        return new NotMusicModel
        {
            Features = MusicEvidence.FeatureNames,
            Means = means,
            Scales = scales,
            Weights = w,
            Bias = bias,
            Threshold = 0.5,
        };
    }

    /// <summary>
    /// The lowest threshold that rejects at most <paramref name="maxFalseRejection"/> of <paramref name="musicScores"/>
    /// (just above the score of the music clip at that quantile), kept within (0, 1).
    /// </summary>
    public static double Threshold(IReadOnlyList<double> musicScores, double maxFalseRejection)
    {
        double[] sorted = [.. musicScores.OrderDescending()];
        int allowed = (int)Math.Floor(maxFalseRejection * sorted.Length);
        double above = allowed < sorted.Length ? sorted[allowed] : 0;
        return Math.Clamp(Math.Max(above + 1e-6, 0.5), 1e-6, 1 - 1e-6);
    }

    /// <summary>Area under the ROC curve of scores where <paramref name="positive"/> should score higher than <paramref name="negative"/> (ties count half).</summary>
    public static double Auroc(IReadOnlyList<double> positive, IReadOnlyList<double> negative)
    {
        double wins = 0;
        foreach (double p in positive)
        {
            foreach (double n in negative)
            {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }

        return wins / ((double)positive.Count * negative.Count);
    }
}
