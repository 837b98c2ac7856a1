using GenreML.Core.Runs;
using System.Text.Json;
using GenreML.Inference.Cards;
using GenreML.Training.Engine;
using GenreML.Training.Export;
using GenreML.Training.Runs;
using static TorchSharp.torch;

namespace GenreML.Training.Tests;

[Collection(TorchCollection.Name)]
public sealed class TrainingRunTests
{
    private static readonly TrainingOptions Tiny = TrainingOptions.DefaultPreset with
    {
        Width = 4,
        WindowFrames = 16,
        WindowHop = 16,
        WindowsPerClip = 1,
        BatchSize = 16,
        Epochs = 2,
        LearningRate = 1e-2,
        FrequencyMaskWidth = 2,
        TimeMaskWidth = 3,
    };

    private sealed class RecordingExporter : IModelExporter
    {
        public ModelCard? Card { get; private set; }

        public bool WasEval { get; private set; }

        public void Export(nn.Module<Tensor, Tensor> model, ModelCard card, string path)
        {
            Card = card;
            WasEval = !model.training;
            File.WriteAllText(path, "onnx");
        }
    }

    [Fact]
    public void RunWritesEveryOutputAndReportsTheCorruptFile()
    {
        using var tmp = new TempDirectory();
        SyntheticFeaturizer.WriteDataset(tmp.Combine("data"), classes: 4, perClass: 7);
        File.WriteAllText(tmp.Combine("data", "genre1", "genre1.00054.wav"), "corrupt");
        var exporter = new RecordingExporter();
        var log = new StringWriter();
        var run = new TrainingRun(new TrainingServices(new SyntheticFeaturizer(4), exporter), log);

        var result = run.Run(new TrainingRequest
        {
            DataPath = tmp.Combine("data"),
            OutputDirectory = tmp.Combine("run"),
            Options = Tiny,
            CacheDirectory = tmp.Combine("cache"),
            CommandLine = "genreml train --test",
        });

        var failure = Assert.Single(result.Failures);
        Assert.EndsWith("genre1.00054.wav", failure.Path);
        Assert.Contains("synthetic corrupt file", failure.Reason);
        Assert.Contains("genre1.00054.wav", log.ToString());
        foreach (string file in new[] { "split.txt", "card.json", "metrics.json", "model.onnx", RunFolder.BestWeightsFile, RunFolder.CheckpointFile })
            Assert.True(File.Exists(tmp.Combine("run", file)), file);
        Assert.Empty(Directory.GetFiles(tmp.Combine("run"), "*.tmp"));
        Assert.Equal(29, File.ReadAllLines(tmp.Combine("run", "split.txt")).Length);

        var card = ModelCard.FromJson(File.ReadAllText(tmp.Combine("run", "card.json")));
        Assert.Equal(["genre0", "genre1", "genre2", "genre3"], card.Labels);
        Assert.Equal(16, card.WindowFrames);
        Assert.InRange(card.Normalization.Mean, -40f, -30f);
        Assert.Equal("genreml train --test", card.Provenance!.Command);
        Assert.Equal(5, card.Provenance.TrainCounts!["genre0"]);
        Assert.True(exporter.WasEval);
        Assert.Equal(card.Labels, exporter.Card!.Labels);

        using var metrics = JsonDocument.Parse(File.ReadAllText(tmp.Combine("run", "metrics.json")));
        var root = metrics.RootElement;
        Assert.Equal(2, root.GetProperty("epochs").GetArrayLength());
        var test = root.GetProperty("test");
        Assert.Equal(4, test.GetProperty("clips").GetInt32());
        Assert.Equal(4, test.GetProperty("confusion").GetArrayLength());
        Assert.True(test.GetProperty("windows").GetInt32() >= 4 * 3);
        Assert.Equal(4, test.GetProperty("predictions")[0].GetProperty("probabilities").EnumerateObject().Count());
        Assert.Single(root.GetProperty("failures").EnumerateArray());
    }

    [Fact]
    public void SplitFileWithoutTestPartAndResumeReuseTheSavedSplit()
    {
        using var tmp = new TempDirectory();
        SyntheticFeaturizer.WriteDataset(tmp.Combine("data"), classes: 4, perClass: 4);
        var lines = Enumerable.Range(0, 4).SelectMany(k => Enumerable.Range(0, 4).Select(i => $"genre{k}.{i:D5} {(i == 0 ? "valid" : "train")}"));
        File.WriteAllLines(tmp.Combine("split.txt"), lines.Append("genre9.00000 train"));
        var run = new TrainingRun(new TrainingServices(new SyntheticFeaturizer(4)));
        var request = new TrainingRequest
        {
            DataPath = tmp.Combine("data"),
            OutputDirectory = tmp.Combine("run"),
            Options = Tiny with { Epochs = 1 },
            SplitFile = tmp.Combine("split.txt"),
            CacheDirectory = "",
        };

        var first = run.Run(request);
        Assert.Null(first.Metrics.Test);
        Assert.Equal(["genre9.00000"], first.Metrics.UnknownSplitNames);
        Assert.Equal(4, first.Metrics.Valid!.Clips);

        var swapped = run.Run(request with { OutputDirectory = tmp.Combine("swapped"), SwapTrainValid = true });
        Assert.Equal(12, swapped.Metrics.Valid!.Clips);
        Assert.Contains("genre0.00000 train", File.ReadAllText(tmp.Combine("swapped", "split.txt")));

        Assert.Contains("already holds a training run", Assert.Throws<InvalidOperationException>(() => run.Run(request)).Message);
        var resumed = run.Run(request with { SplitFile = null, Resume = true });
        Assert.Single(resumed.Metrics.Epochs);
        Assert.Equal(first.Metrics.Valid.Clips, resumed.Metrics.Valid!.Clips);
        Assert.Null(resumed.Metrics.Test);
    }

    [Fact]
    public void MergingValidTrainsOnBothPartsForAllEpochsAndKeepsTheLast()
    {
        using var tmp = new TempDirectory();
        SyntheticFeaturizer.WriteDataset(tmp.Combine("data"), classes: 4, perClass: 4);
        var lines = Enumerable.Range(0, 4).SelectMany(k => Enumerable.Range(0, 4).Select(i => $"genre{k}.{i:D5} {(i == 0 ? "valid" : i == 3 ? "test" : "train")}"));
        File.WriteAllLines(tmp.Combine("split.txt"), lines);
        var log = new StringWriter();
        var request = new TrainingRequest
        {
            DataPath = tmp.Combine("data"),
            OutputDirectory = tmp.Combine("run"),
            Options = Tiny with { Epochs = 3, EarlyStoppingPatience = 1 },
            SplitFile = tmp.Combine("split.txt"),
            MergeValidIntoTrain = true,
            CacheDirectory = "",
        };

        var result = new TrainingRun(new TrainingServices(new SyntheticFeaturizer(4)), log).Run(request);

        Assert.Equal(12, result.Metrics.ClipsUsed["train"].Values.Sum());
        Assert.Equal(0, result.Metrics.ClipsUsed["valid"].Values.Sum());
        Assert.Null(result.Metrics.Valid);
        Assert.Equal(4, result.Metrics.Test!.Clips);
        Assert.Equal(3, result.Metrics.Epochs.Count);
        Assert.All(result.Metrics.Epochs, e => Assert.Null(e.ValidLoss));
        Assert.Equal(3, result.Metrics.BestEpoch);
        Assert.Equal(3, result.Card.Provenance!.Epochs);
        Assert.Contains("valid merged into train", result.Card.Provenance.Split);
        Assert.False(result.Card.Provenance.Metrics!.ContainsKey("validAccuracy"));
        Assert.Contains("no validation", log.ToString());
    }

    [Fact]
    public void AnEmptyValidPartWithoutMergingSaysHowToTrainWithoutValidation()
    {
        using var tmp = new TempDirectory();
        SyntheticFeaturizer.WriteDataset(tmp.Combine("data"), classes: 2, perClass: 3);
        File.WriteAllLines(tmp.Combine("split.txt"), Enumerable.Range(0, 2).SelectMany(k => Enumerable.Range(0, 3).Select(i => $"genre{k}.{i:D5} train")));
        var request = new TrainingRequest
        {
            DataPath = tmp.Combine("data"),
            OutputDirectory = tmp.Combine("run"),
            Options = Tiny with { Epochs = 1 },
            SplitFile = tmp.Combine("split.txt"),
            CacheDirectory = "",
        };

        var error = Assert.Throws<GenreML.Training.Data.DatasetException>(() => new TrainingRun(new TrainingServices(new SyntheticFeaturizer(2))).Run(request));
        Assert.Contains("--merge-valid", error.Message);
    }
}
