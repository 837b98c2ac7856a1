namespace GenreML.Training.Engine;

/// <summary>The optimiser.</summary>
public enum OptimizerKind
{
    /// <summary>Adam (weight decay, if any, added to the gradient).</summary>
    Adam,

    /// <summary>AdamW (decoupled weight decay).</summary>
    AdamW,
}
