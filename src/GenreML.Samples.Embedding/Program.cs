using GenreML.Inference;

// Usage: GenreML.Samples.Embedding [--model model.onnx | model.onnx] audio-file…
// Without a model argument it uses onnx/genreml-gtzan.onnx of the GenreML repository it is built in.
var files = args.ToList();
int flag = files.IndexOf("--model");
string? model = flag >= 0 && flag + 1 < files.Count ? files[flag + 1] : files.FirstOrDefault(f => f.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase));
files.RemoveAll(f => f == "--model" || f == model);
model ??= RepositoryModel.Find();
if (model is null)
{
    Console.Error.WriteLine("No model given and no onnx/genreml-gtzan.onnx in the repository: pass --model path/to/model.onnx.");
    return 2;
}

using var classifier = GenreClassifier.Open(model);
var outcomes = classifier.ClassifyMany(files);
foreach (var outcome in outcomes)
{
    Console.WriteLine(outcome.Prediction is { } p
        ? $"{outcome.Path}: {p.Genre} {p.Confidence:P0} (then {p.Scores[1].Genre} {p.Scores[1].Probability:P0})"
        : $"error: {outcome.Error}");
}

return outcomes.All(o => o.Succeeded) ? 0 : 1;
