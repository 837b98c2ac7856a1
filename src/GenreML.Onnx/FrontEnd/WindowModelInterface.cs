using GenreML.Audio.Features;

namespace GenreML.Onnx.FrontEnd;

/// <summary>What <see cref="ClipModelComposer"/> needs to know about a window-level model (a GenreML card has all of it).</summary>
/// <param name="Features">The log-Mel settings the model was trained on.</param>
/// <param name="WindowFrames">Frames per network window.</param>
/// <param name="WindowHop">Frames between the starts of successive windows of a clip.</param>
/// <param name="InputName">The graph input reading log-Mel windows <c>[N, 1, bands, frames]</c>.</param>
/// <param name="LogitsOutput">The graph output with the logits <c>[N, labels]</c>.</param>
/// <param name="ProbabilitiesOutput">The graph output with the probabilities <c>[N, labels]</c>.</param>
/// <param name="Labels">The number of classes.</param>
/// <param name="Temperature">
/// The calibration temperature T of the model's card: the clip probabilities the composed graph outputs are
/// softmax(log p / T) of the mean window probabilities p, as GenreML's own consumers calibrate them. 1 leaves them as they are.
/// </param>
public sealed record WindowModelInterface(LogMelOptions Features, int WindowFrames, int WindowHop, string InputName, string LogitsOutput, string ProbabilitiesOutput, int Labels,
    double Temperature = 1);
