using GenreML.Audio.Features;
using GenreML.Training.Export;
using GenreML.Training.Features;

namespace GenreML.Training.Runs;

/// <summary>What a training run needs from outside: the audio front end and, optionally, the ONNX exporter.</summary>
/// <param name="Featurizer">Decodes a file and computes its log-Mel spectrogram.</param>
/// <param name="Exporter">Writes <c>model.onnx</c>; null skips the export.</param>
public sealed record TrainingServices(IClipFeaturizer Featurizer, IModelExporter? Exporter = null);
