using GenreML.Core.Runs;
using GenreML.Training.Data;
using GenreML.Training.Engine;
using GenreML.Training.Features;
using GenreML.Training.Models;
using GenreML.Training.Splits;
using TorchSharp;
using static TorchSharp.torch;

namespace GenreML.Training.Tests;

[Collection(TorchCollection.Name)]
public sealed class TrainerTests
{
    private const int Classes = 4;

    private static readonly TrainingOptions Tiny = TrainingOptions.DefaultPreset with
    {
        Width = 4,
        WindowFrames = 16,
        WindowHop = 16,
        WindowsPerClip = 2,
        BatchSize = 8,
        Epochs = 4,
        LearningRate = 1e-2,
        FrequencyMaskWidth = 2,
        TimeMaskWidth = 3,
        EarlyStoppingPatience = 0,
    };

    private static (List<NormalizedClip> Train, List<NormalizedClip> Valid) MakeData(TempDirectory tmp)
    {
        SyntheticFeaturizer.WriteDataset(tmp.Combine("data"), Classes, perClass: 8);
        var data = DatasetScanner.Scan(tmp.Combine("data"));
        var split = StratifiedSplitter.Split(data, seed: 1, validFraction: 0.25, testFraction: 0);
        var featurizer = new SyntheticFeaturizer(Classes);
        var failures = new List<FeatureFailure>();
        var train = FeatureLoader.Load(data, split.Train, featurizer, failures);
        var valid = FeatureLoader.Load(data, split.Valid, featurizer, failures);
        var norm = FeatureNormalizer.Fit(train);
        return (train.Select(c => FeatureNormalizer.Apply(c, norm)).ToList(), valid.Select(c => FeatureNormalizer.Apply(c, norm)).ToList());
    }

    private static nn.Module<Tensor, Tensor> NewModel(TrainingOptions options)
    {
        manual_seed(options.Seed);
        return ModelFactory.Create(options.Architecture, Classes, SyntheticFeaturizer.Bands, options.WindowFrames, options.Width);
    }

    private static float[] Weights(nn.Module<Tensor, Tensor> model) =>
        model.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();

    [Fact]
    public void TinyDefaultModelLearnsTheSyntheticClasses()
    {
        using var tmp = new TempDirectory();
        var (train, valid) = MakeData(tmp);
        using var model = NewModel(Tiny);
        var outcome = new Trainer(Tiny with { Epochs = 6 }).Fit(model, train, valid, Classes, tmp.Combine("run"));

        Assert.Equal(6, outcome.History.Count);
        Assert.True(outcome.BestValidBalancedAccuracy >= 0.75, $"balanced accuracy {outcome.BestValidBalancedAccuracy}");
        Assert.True(File.Exists(tmp.Combine("run", RunFolder.BestWeightsFile)));
        Assert.True(File.Exists(tmp.Combine("run", RunFolder.CheckpointFile)));
        Assert.False(model.training);
    }

    [Theory]
    [InlineData("default", 0.0)]
    [InlineData("default", 0.9)]
    [InlineData("seed", 0.0)]
    public void ResumedRunEqualsUninterruptedRun(string architecture, double weightAverage)
    {
        var options = architecture == "seed"
            ? TrainingOptions.SeedPreset with { WindowFrames = 16, WindowHop = 16, BatchSize = 8, Epochs = 4, EarlyStoppingPatience = 0 }
            : Tiny with { WeightAverageDecay = weightAverage };
        using var tmp = new TempDirectory();
        var (train, valid) = MakeData(tmp);

        using var straight = NewModel(options);
        var full = new Trainer(options).Fit(straight, train, valid, Classes, tmp.Combine("straight"));

        using (var first = NewModel(options))
        using (var kill = new CancellationTokenSource())
        {
            var interrupted = new Trainer(options);
            interrupted.EpochCompleted += record =>
            {
                if (record.Epoch == 2) kill.Cancel();
            };
            Assert.Throws<OperationCanceledException>(() => interrupted.Fit(first, train, valid, Classes, tmp.Combine("resumed"), cancel: kill.Token));
        }

        using var resumedModel = NewModel(options with { Seed = 99 });
        var resumed = new Trainer(options).Fit(resumedModel, train, valid, Classes, tmp.Combine("resumed"), resume: true);

        Assert.Equal(4, resumed.History.Count);
        for (int e = 0; e < 4; e++)
        {
            Assert.Equal(full.History[e].TrainLoss, resumed.History[e].TrainLoss, 4);
            Assert.Equal(full.History[e].ValidLoss!.Value, resumed.History[e].ValidLoss!.Value, 4);
        }

        float[] a = Weights(straight), b = Weights(resumedModel);
        Assert.Equal(a.Length, b.Length);
        Assert.All(Enumerable.Range(0, a.Length), i => Assert.Equal(a[i], b[i], 4));
    }

    [Fact]
    public void ResumeWithOtherOptionsIsRefused()
    {
        using var tmp = new TempDirectory();
        var (train, valid) = MakeData(tmp);
        using var model = NewModel(Tiny);
        new Trainer(Tiny with { Epochs = 1 }).Fit(model, train, valid, Classes, tmp.Combine("run"));
        var e = Assert.Throws<InvalidOperationException>(() =>
            new Trainer(Tiny with { LearningRate = 0.5 }).Fit(model, train, valid, Classes, tmp.Combine("run"), resume: true));
        Assert.Contains("other training options", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.9)]
    public void AnEpochLeavesNoTensorsBehind(double weightAverage)
    {
        using var tmp = new TempDirectory();
        var (train, valid) = MakeData(tmp);
        using var model = NewModel(Tiny);
        var trainer = new Trainer(Tiny with { Epochs = 4, Balance = BalanceStrategy.Weights, WeightAverageDecay = weightAverage });
        var live = new List<long>();
        trainer.EpochCompleted += _ => live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        trainer.Fit(model, train, valid, Classes, tmp.Combine("run"));

        // Epoch 1 creates gradients and optimiser moments; after that every epoch must end where it started.
        Assert.Equal(live[1], live[2]);
        Assert.Equal(live[2], live[3]);
    }
}
