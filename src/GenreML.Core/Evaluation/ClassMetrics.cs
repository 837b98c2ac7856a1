namespace GenreML.Core.Evaluation;

/// <summary>Precision, recall and F1 of one class, with the number of true examples they rest on.</summary>
/// <param name="Label">The class name.</param>
/// <param name="Precision">Correct predictions of the class over all predictions of it; 0 when it was never predicted.</param>
/// <param name="Recall">Correct predictions of the class over its true examples; 0 when it has none.</param>
/// <param name="F1">Harmonic mean of precision and recall; 0 when both are 0.</param>
/// <param name="Support">Number of examples whose true class this is.</param>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support)
{
    /// <summary>Mean log-loss over the examples of this class, when the evaluator supplies it (ML.NET's per-class log-loss); otherwise null.</summary>
    public double? LogLoss { get; init; }
}
