namespace GenreML.Training.Splits;

/// <summary>The part of a split a clip belongs to.</summary>
public enum SplitPart
{
    /// <summary>Used to fit the weights.</summary>
    Train,

    /// <summary>Used for early stopping and model selection.</summary>
    Valid,

    /// <summary>Held out for the final figures.</summary>
    Test,
}
