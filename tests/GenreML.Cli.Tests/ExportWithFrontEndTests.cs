using GenreML.Audio;
using GenreML.Audio.Features;
using GenreML.Audio.Synthesis;
using GenreML.Inference;
using GenreML.Inference.Cards;
using GenreML.Onnx.FrontEnd;
using GenreML.Onnx.Inspection;
using Microsoft.ML.OnnxRuntime;

namespace GenreML.Cli.Tests;

/// <summary><c>export --with-frontend</c> on a tiny trained run: the clip-level model agrees with the window-level one run by GenreClassifier.</summary>
[Collection("console")]
public sealed class ExportWithFrontEndTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-export-frontend-").FullName;

    [Fact]
    public async Task Clip_level_export_gives_the_classifier_probabilities_from_the_waveform()
    {
        string data = Path.Combine(_folder, "data");
        DemoDatasetWriter.Write(data, clipsPerGenre: 3, seconds: 4);
        string run = Path.Combine(_folder, "run");
        var (trainCode, trainOutput, trainError) = await CliRunner.RunAsync("train", "--data", data, "--out", run, "--epochs", "1", "--width", "4", "--quiet", "--no-cache");
        Assert.True(trainCode == 0, $"exit {trainCode}\n{trainOutput}\n{trainError}");

        string clipModel = Path.Combine(_folder, "clip.onnx");
        var (code, output, error) = await CliRunner.RunAsync("export", "--checkpoint", run, "--with-frontend", "--out", clipModel);
        Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
        Assert.Contains("clip-level", output);

        var summary = OnnxModelInspector.Inspect(clipModel);
        Assert.Equal("waveform: float32[1, S]", Assert.Single(summary.Inputs).ToString());
        Assert.Equal(ClipLevelModel.WaveformInputKind, summary.Metadata[ClipLevelModel.InputKindMetadataKey]);
        ModelCard card = ModelCard.FromJson(summary.Metadata[ModelCard.MetadataKey]);
        Assert.Equal("waveform", card.InputName);

        using var classifier = GenreClassifier.Open(Path.Combine(run, "model.onnx"));
        using var session = new InferenceSession(clipModel);
        var featurizer = new ClipFeaturizer(card.Features);
        foreach (string file in Directory.EnumerateFiles(data, "*.wav", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(3))
        {
            AudioSignal signal = featurizer.Load(file);
            using var input = OrtValue.CreateTensorValueFromMemory(signal.Samples, [1, signal.Samples.Length]);
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, ["waveform"], [input], ["probabilities"]);
            float[] probabilities = outputs[0].GetTensorDataAsSpan<float>().ToArray();

            var expected = classifier.Classify(file);
            for (int k = 0; k < card.Labels.Count; k++)
            {
                Assert.Equal(expected.ProbabilityOf(card.Labels[k]), probabilities[k], tolerance: 1e-3);
            }
        }

        var refused = Assert.Throws<ModelCardException>(() => GenreClassifier.Open(clipModel));
        Assert.Contains("'waveform'", refused.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
