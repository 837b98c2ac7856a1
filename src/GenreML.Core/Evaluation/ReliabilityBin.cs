namespace GenreML.Core.Evaluation;

/// <summary>One bin of a reliability diagram: the examples whose top probability falls in [<paramref name="Low"/>, <paramref name="High"/>).</summary>
/// <param name="Low">Lower edge of the bin.</param>
/// <param name="High">Upper edge of the bin (the last bin includes it).</param>
/// <param name="Count">Examples in the bin.</param>
/// <param name="MeanConfidence">Their mean top probability (0 when empty).</param>
/// <param name="Accuracy">The share of them predicted correctly (0 when empty).</param>
public sealed record ReliabilityBin(double Low, double High, int Count, double MeanConfidence, double Accuracy);
