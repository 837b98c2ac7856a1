namespace GenreML.Reports.Data;

/// <summary>Precision, recall and F1 of one label (each 0–1), and how many clips of it were evaluated.</summary>
/// <param name="Label">The genre.</param>
/// <param name="Precision">Precision, 0–1.</param>
/// <param name="Recall">Recall, 0–1.</param>
/// <param name="F1">F1 score, 0–1.</param>
/// <param name="Support">Number of evaluated clips whose true label is <paramref name="Label"/>.</param>
public sealed record ClassScores(string Label, double Precision, double Recall, double F1, int Support);
