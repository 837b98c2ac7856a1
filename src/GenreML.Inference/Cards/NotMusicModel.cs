using GenreML.Inference.Answers;

namespace GenreML.Inference.Cards;

/// <summary>
/// The not-music check stored in a card: a logistic model over <see cref="MusicEvidence.FeatureNames"/>
/// (standardised by <see cref="Means"/> and <see cref="Scales"/>) whose output is the probability that a
/// clip is not music; a clip scoring at or above <see cref="Threshold"/> is <c>not_music</c>.
/// </summary>
public sealed record NotMusicModel
{
    /// <summary>The features, in order; must equal <see cref="MusicEvidence.FeatureNames"/> of this build.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>Mean of each feature on the fitting data.</summary>
    public required IReadOnlyList<double> Means { get; init; }

    /// <summary>Standard deviation of each feature on the fitting data (the divisor of the standardisation).</summary>
    public required IReadOnlyList<double> Scales { get; init; }

    /// <summary>Logistic weight of each standardised feature.</summary>
    public required IReadOnlyList<double> Weights { get; init; }

    /// <summary>Logistic intercept.</summary>
    public required double Bias { get; init; }

    /// <summary>Scores at or above this are <c>not_music</c>.</summary>
    public required double Threshold { get; init; }

    /// <summary>The probability in [0, 1] that a clip with these <paramref name="features"/> is not music.</summary>
    /// <exception cref="ArgumentException">The feature count differs from the model's.</exception>
    public double Score(ReadOnlySpan<double> features)
    {
        if (features.Length != Weights.Count)
            throw new ArgumentException($"the not-music model reads {Weights.Count} features, got {features.Length}", nameof(features));
        double z = Bias;
        for (int i = 0; i < features.Length; i++)
        {
            z += Weights[i] * (features[i] - Means[i]) / Scales[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Checks the model; throws <see cref="ModelCardException"/> naming what is wrong.</summary>
    public void Validate(string source)
    {
        if (Features is null || !Features.SequenceEqual(MusicEvidence.FeatureNames))
            throw new ModelCardException(source, "calibration.notMusic.features",
                $"this build computes [{string.Join(", ", MusicEvidence.FeatureNames)}]; the card lists [{string.Join(", ", Features ?? [])}] (refit with genreml calibrate)");
        int n = Features.Count;
        if (Means is null || Means.Count != n || Scales is null || Scales.Count != n || Weights is null || Weights.Count != n)
            throw new ModelCardException(source, "calibration.notMusic", $"means, scales and weights must each have {n} values");
        if (Scales.Any(s => !(s > 0) || !double.IsFinite(s)))
            throw new ModelCardException(source, "calibration.notMusic.scales", "every scale must be positive and finite");
        if (Means.Concat(Weights).Append(Bias).Any(v => !double.IsFinite(v)))
            throw new ModelCardException(source, "calibration.notMusic", "means, weights and bias must be finite");
        if (!(Threshold > 0 && Threshold < 1))
            throw new ModelCardException(source, "calibration.notMusic.threshold", $"must be in (0, 1) (got {Threshold})");
    }
}
