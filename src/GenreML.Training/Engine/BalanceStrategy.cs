namespace GenreML.Training.Engine;

/// <summary>How training counters unequal numbers of clips per genre.</summary>
public enum BalanceStrategy
{
    /// <summary>Nothing: clips are drawn uniformly, the loss is unweighted.</summary>
    None,

    /// <summary>Clips are drawn with probability ∝ 1 / (clips of their label), so every label is seen equally often.</summary>
    Sampler,

    /// <summary>The loss of class k is weighted by N / (K · n_k).</summary>
    Weights,
}
