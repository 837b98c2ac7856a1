using GenreML.Audio.Synthesis;
using GenreML.Inference;
using GenreML.MLNet.Evaluation;
using GenreML.Training.Runs;

namespace GenreML.Cli.Tests;

/// <summary>The whole main job in miniature: demo audio → train → ONNX export → report → predict with the exported model.</summary>
[Collection("console")]
public sealed class TrainCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-train-cli-").FullName;

    [Fact]
    public async Task Trains_exports_reports_and_the_exported_model_classifies()
    {
        string data = Path.Combine(_folder, "data");
        DemoDatasetWriter.Write(data, clipsPerGenre: 3, seconds: 4);
        string run = Path.Combine(_folder, "run");

        var (code, output, error) = await CliRunner.RunAsync("train", "--data", data, "--out", run, "--epochs", "1", "--width", "4", "--quiet", "--no-cache");

        Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
        foreach (string file in new[] { "model.onnx", "card.json", "metrics.json", "split.txt", "report.md", "learning_curves.png", "confusion_matrix.png", "class_scores.png", "spectrograms.png" })
        {
            Assert.True(File.Exists(Path.Combine(run, file)), $"{file} missing from the run folder");
        }

        // The exported model, run through the embeddable classifier, gives the probabilities training reported.
        using var classifier = GenreClassifier.Open(Path.Combine(run, "model.onnx"));
        Assert.Equal(DemoSongSynthesizer.Genres, classifier.Labels);
        RunMetrics metrics = RunMetrics.FromJson(await File.ReadAllTextAsync(Path.Combine(run, "metrics.json")));
        EvaluationReport evaluated = metrics.Test ?? metrics.Valid ?? throw new InvalidOperationException("no evaluated part");
        Assert.NotEmpty(evaluated.Predictions);
        foreach (PredictionRecord record in evaluated.Predictions)
        {
            var prediction = classifier.Classify(record.Path);
            foreach (var (genre, probability) in record.Probabilities)
            {
                Assert.Equal(probability, prediction.ProbabilityOf(genre), 4);
            }
        }

        // train and evaluate report one macro F1 (GenreML.Core's ClassificationMetrics): evaluate the part training scored.
        string part = metrics.Test is null ? "valid" : "test";
        string evaluation = Path.Combine(_folder, "evaluate");
        var (evaluateCode, _, evaluateError) = await CliRunner.RunAsync(
            "evaluate", "--model", Path.Combine(run, "model.onnx"), "--data", data, "--split-file", Path.Combine(run, "split.txt"), "--split", part, "--out", evaluation);
        Assert.True(evaluateCode == 0, evaluateError);
        var evaluated2 = GenreEvaluationResult.FromJson(await File.ReadAllTextAsync(Path.Combine(evaluation, "metrics.json")));
        Assert.Equal(evaluated.Clips, evaluated2.Clips);
        Assert.Equal(evaluated.ClipAccuracy, evaluated2.MicroAccuracy, 12);
        Assert.Equal(evaluated.BalancedAccuracy, evaluated2.MacroAccuracy, 12);
        Assert.Equal(evaluated.MacroF1, evaluated2.MacroF1, 12);

        string exported = Path.Combine(_folder, "again.onnx");
        var (exportCode, _, exportError) = await CliRunner.RunAsync("export", "--checkpoint", run, "--out", exported);
        Assert.True(exportCode == 0, exportError);
        using (var again = GenreClassifier.Open(exported))
        {
            string clip = evaluated.Predictions[0].Path;
            Assert.Equal(classifier.Classify(clip).Scores, again.Classify(clip).Scores);
        }

        var (reportCode, reportOutput, _) = await CliRunner.RunAsync("report", run);
        Assert.Equal(0, reportCode);
        Assert.Contains("4 charts", reportOutput);
    }

    [Fact]
    public async Task Export_names_what_is_missing_from_a_folder_that_is_not_a_run()
    {
        var (code, _, error) = await CliRunner.RunAsync("export", "--checkpoint", _folder);
        Assert.Equal(2, code);
        Assert.Contains("best.weights", error);
    }

    [Fact]
    public async Task Report_names_a_folder_that_is_not_a_run()
    {
        var (code, _, error) = await CliRunner.RunAsync("report", _folder);
        Assert.Equal(1, code);
        Assert.Contains("metrics.json", error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
