namespace GenreML.Training.Runs;

/// <summary>One clip's final prediction, for listing the most confident mistakes.</summary>
/// <param name="Name">Clip name.</param>
/// <param name="Path">Audio file.</param>
/// <param name="Label">True label.</param>
/// <param name="Predicted">Predicted label.</param>
/// <param name="Confidence">Probability of the predicted label.</param>
/// <param name="Probabilities">Probability per label.</param>
public sealed record PredictionRecord(string Name, string Path, string Label, string Predicted, double Confidence, IReadOnlyDictionary<string, double> Probabilities);
