namespace GenreML.Reports.Data;

/// <summary>One misclassified clip.</summary>
/// <param name="File">The clip's file name or path, as it should appear in the report.</param>
/// <param name="TrueLabel">The correct genre.</param>
/// <param name="PredictedLabel">The genre the model chose.</param>
/// <param name="Confidence">The model's probability for <paramref name="PredictedLabel"/>, 0–1.</param>
public sealed record Mistake(string File, string TrueLabel, string PredictedLabel, double Confidence);
