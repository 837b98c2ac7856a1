namespace GenreML.Training.Augmentation;

/// <summary>Draws Beta(α, α) values for mixup from a seeded <see cref="Random"/> (Marsaglia–Tsang gamma variates).</summary>
internal static class BetaSampler
{
    /// <summary>A Beta(<paramref name="alpha"/>, <paramref name="alpha"/>) sample in [0, 1].</summary>
    public static double Symmetric(Random rng, double alpha)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alpha);
        double x = Gamma(rng, alpha), y = Gamma(rng, alpha);
        return x + y == 0 ? 0.5 : x / (x + y);
    }

    private static double Gamma(Random rng, double shape)
    {
        if (shape < 1)
        {
            // Boost: Gamma(a) = Gamma(a + 1) · U^(1/a).
            return Gamma(rng, shape + 1) * Math.Pow(1 - rng.NextDouble(), 1 / shape);
        }

        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Normal(rng);
                v = 1 + c * z;
            }
            while (v <= 0);
            v = v * v * v;
            double u = 1 - rng.NextDouble();
            if (Math.Log(u) < 0.5 * z * z + d - d * v + d * Math.Log(v)) return d * v;
        }
    }

    private static double Normal(Random rng)
    {
        double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
