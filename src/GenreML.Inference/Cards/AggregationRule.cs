namespace GenreML.Inference.Cards;

/// <summary>Names of the rules that combine window predictions into a clip prediction.</summary>
public static class AggregationRule
{
    /// <summary>The clip's probabilities are the mean of its windows' probabilities.</summary>
    public const string MeanProbabilities = "mean-probabilities";
}
