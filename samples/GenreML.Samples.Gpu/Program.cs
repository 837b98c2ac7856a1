using GenreML.Inference;

// Usage: GenreML.Samples.Gpu audio-file…
// Classifies with the shipped model on CUDA device 0; where CUDA cannot be loaded it runs on the CPU and prints
// ONNX Runtime's reason once, on standard error.
using var classifier = GenreClassifier.OpenDefault(new GenreClassifierOptions
{
    Device = ExecutionDevice.Cuda,
    Log = message => Console.Error.WriteLine($"warning: {message}"),
});
Console.WriteLine($"device: {classifier.Device}");
var outcomes = classifier.ClassifyMany(args);
foreach (var outcome in outcomes)
{
    Console.WriteLine(outcome.Prediction is { } p ? $"{outcome.Path}: {p.Genre} {p.Confidence:P0}" : $"error: {outcome.Error}");
}

return outcomes.Count > 0 && outcomes.All(o => o.Succeeded) ? 0 : 1;
