using GenreML.Inference;

// Usage: GenreML.Samples.Embedding [--model model.onnx | model.onnx] audio-file…
// Without a model argument it uses the shipped onnx/genreml-gtzan.onnx, copied next to the app when it is built.
var files = args.ToList();
int flag = files.IndexOf("--model");
string? model = flag >= 0 && flag + 1 < files.Count ? files[flag + 1] : files.FirstOrDefault(f => f.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase));
files.RemoveAll(f => f == "--model" || f == model);
model ??= Path.Combine(AppContext.BaseDirectory, "genreml-gtzan.onnx");

using var classifier = GenreClassifier.Open(model);
var outcomes = classifier.ClassifyMany(files);
foreach (var outcome in outcomes)
{
    Console.WriteLine(outcome.Prediction is { } p
        ? $"{outcome.Path}: {p.Genre} {p.Confidence:P0} (then {p.Scores[1].Genre} {p.Scores[1].Probability:P0})"
        : $"error: {outcome.Error}");
}

return outcomes.All(o => o.Succeeded) ? 0 : 1;
