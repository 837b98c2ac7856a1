using GenreML.Audio.Synthesis;
using GenreML.Inference;

namespace GenreML.Cli.Tests;

/// <summary><c>train --init</c>: fine-tuning an earlier run on labels of one's own.</summary>
[Collection("console")]
public sealed class TrainInitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-init-").FullName;

    [Fact]
    public async Task Fine_tuning_takes_the_base_layers_and_its_normalisation_and_gives_the_new_labels_a_fresh_classifier()
    {
        string demo = Path.Combine(_folder, "demo");
        DemoDatasetWriter.Write(demo, clipsPerGenre: 3, seconds: 4);
        string baseRun = Path.Combine(_folder, "base");
        var (code, output, error) = await CliRunner.RunAsync("train", "--data", demo, "--out", baseRun, "--epochs", "1", "--width", "4", "--quiet", "--no-cache");
        Assert.True(code == 0, $"{output}\n{error}");

        string own = Path.Combine(_folder, "own");
        foreach (var (label, genre) in new[] { ("calm", "classical"), ("loud", "metal") })
        {
            Directory.CreateDirectory(Path.Combine(own, label));
            foreach (string file in Directory.GetFiles(Path.Combine(demo, genre)))
            {
                File.Copy(file, Path.Combine(own, label, Path.GetFileName(file)));
            }
        }

        string tuned = Path.Combine(_folder, "tuned");
        (code, output, error) = await CliRunner.RunAsync("train", "--data", own, "--init", baseRun, "--merge-valid", "--out", tuned, "--epochs", "1", "--width", "4", "--quiet", "--no-cache");
        Assert.True(code == 0, $"{output}\n{error}");
        Assert.Contains("every layer but the classifier", output);

        using var baseModel = GenreClassifier.Open(Path.Combine(baseRun, "model.onnx"));
        using var model = GenreClassifier.Open(Path.Combine(tuned, "model.onnx"));
        Assert.Equal(["calm", "loud"], model.Labels);
        Assert.Equal(baseModel.Card.Normalization, model.Card.Normalization);
    }

    [Fact]
    public async Task An_onnx_file_or_a_different_network_is_refused_with_the_reason()
    {
        string demo = Path.Combine(_folder, "demo");
        DemoDatasetWriter.Write(demo, clipsPerGenre: 3, seconds: 4);
        string baseRun = Path.Combine(_folder, "base");
        var (code, _, _) = await CliRunner.RunAsync("train", "--data", demo, "--out", baseRun, "--epochs", "1", "--width", "4", "--quiet", "--no-cache");
        Assert.Equal(0, code);

        var (onnxCode, _, onnxError) = await CliRunner.RunAsync("train", "--data", demo, "--init", Path.Combine(baseRun, "model.onnx"), "--out", Path.Combine(_folder, "a"), "--epochs", "1", "--width", "4", "--quiet", "--no-cache");
        Assert.Equal(2, onnxCode);
        Assert.Contains("batch normalisation folded", onnxError);

        var (widthCode, _, widthError) = await CliRunner.RunAsync("train", "--data", demo, "--init", baseRun, "--out", Path.Combine(_folder, "b"), "--epochs", "1", "--width", "8", "--quiet", "--no-cache");
        Assert.Equal(2, widthCode);
        Assert.Contains("--width 4", widthError);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
