namespace GenreML.MLNet.Evaluation;

/// <summary>The figures of one genre.</summary>
/// <param name="Label">The genre.</param>
/// <param name="Support">Evaluated clips whose true genre this is (what the figures rest on).</param>
/// <param name="Precision">Of the clips predicted as this genre, the share that are (ML.NET's per-class precision).</param>
/// <param name="Recall">Of the clips of this genre, the share predicted as it (ML.NET's per-class recall).</param>
/// <param name="LogLoss">Mean log-loss over the clips of this genre.</param>
public sealed record ClassMetrics(string Label, int Support, double Precision, double Recall, double LogLoss);
