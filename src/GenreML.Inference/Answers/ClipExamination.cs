namespace GenreML.Inference.Answers;

/// <summary>
/// The raw material of a prediction before calibration and status: the network's uncalibrated window and clip
/// probabilities and the clip's <see cref="ClipEvidence"/>. <c>genreml calibrate</c> fits the card's temperature,
/// thresholds and not-music check on these; <see cref="ClipVerdict.Decide"/> turns them into an answer.
/// </summary>
/// <param name="WindowProbabilities">Probabilities per window, label order, as the network gives them.</param>
/// <param name="ClipProbabilities">Their mean (the card's aggregation), uncalibrated.</param>
/// <param name="Evidence">The clip's length, level and spectral statistics.</param>
public sealed record ClipExamination(float[][] WindowProbabilities, float[] ClipProbabilities, ClipEvidence Evidence);
