namespace GenreML.Training.Engine;

/// <summary>A clip's prediction: mean of its windows' probabilities, and each window's arg-max.</summary>
/// <param name="Name">Clip name (file name without extension).</param>
/// <param name="Path">Audio file.</param>
/// <param name="TrueIndex">Class index of its label.</param>
/// <param name="PredictedIndex">Arg-max of <paramref name="Probabilities"/>.</param>
/// <param name="Probabilities">Mean window probabilities, one per label.</param>
/// <param name="WindowPredictions">Arg-max of each window's probabilities.</param>
internal sealed record ClipPrediction(string Name, string Path, int TrueIndex, int PredictedIndex, float[] Probabilities, int[] WindowPredictions);
