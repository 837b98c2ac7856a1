namespace GenreML.Inference.Results;

/// <summary>One genre and the probability the model gives it.</summary>
/// <param name="Genre">The genre label, as written in the model card.</param>
/// <param name="Probability">Its probability in [0, 1].</param>
public readonly record struct GenreScore(string Genre, float Probability);
