using GenreML.Audio.Synthesis;

namespace GenreML.Cli.Tests;

[Collection("console")]
public sealed class BenchTrainingCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-bench-training-").FullName;

    [Fact]
    public async Task Two_fold_cross_validation_reports_both_folds_their_mean_and_per_class_counts()
    {
        var (data, split) = await WriteDemoWithSplit();
        string output = Path.Combine(_folder, "out");

        var (code, stdout, stderr) = await CliRunner.RunAsync("bench", "training", "--data", data, "--split-file", split, "--out", output, "--epochs", "1", "--width", "4");

        Assert.True(code == 0, stderr);
        string summary = await File.ReadAllTextAsync(Path.Combine(output, "summary.md"));
        Assert.Contains("| fold 1: train → valid | 10 |", summary);
        Assert.Contains("| fold 2: valid → train | 10 |", summary);
        Assert.Contains("| **mean** | 20 |", summary);
        Assert.Contains("| jazz | ", summary);
        Assert.Contains("last epoch: accuracy", summary);
        Assert.Contains(summary, stdout);
        Assert.True(File.Exists(Path.Combine(output, "fold2", "metrics.json")));
    }

    [Fact]
    public async Task Several_seeds_report_mean_and_spread_the_seed_ensemble_and_prediction_time_augmentation_and_reuse_finished_folds()
    {
        var (data, split) = await WriteDemoWithSplit();
        string output = Path.Combine(_folder, "seeds");
        string[] args = ["bench", "training", "--data", data, "--split-file", split, "--out", output, "--epochs", "1", "--width", "4", "--seeds", "2", "--augment", "1"];

        var (code, stdout, stderr) = await CliRunner.RunAsync(args);

        Assert.True(code == 0, stderr);
        string summary = await File.ReadAllTextAsync(Path.Combine(output, "summary.md"));
        Assert.Contains("seeds 1–2", summary);
        Assert.Contains("20 clips scored per seed (10 + 10)", summary);
        Assert.Contains("| **mean ± sd** (2 seeds) |", summary);
        Assert.Contains("| ensemble of the 2 seeds |", summary);
        Assert.Contains("| prediction-time augmentation, mean ± sd |", summary);
        Assert.True(File.Exists(Path.Combine(output, "seed2", "fold2", "metrics.json")));
        Assert.True(File.Exists(Path.Combine(output, "seed1", "summary.md")));

        var (again, rerun, _) = await CliRunner.RunAsync(args);
        Assert.Equal(0, again);
        Assert.Contains("reusing the finished run", rerun);
        string ensembleRow = summary.Split('\n').Single(l => l.StartsWith("| ensemble of the 2 seeds", StringComparison.Ordinal));
        Assert.Contains(ensembleRow, await File.ReadAllTextAsync(Path.Combine(output, "summary.md")));
    }

    /// <summary>Two clips per demo genre, one in train and one in valid; returns the data folder and the split file.</summary>
    private async Task<(string Data, string Split)> WriteDemoWithSplit()
    {
        string data = Path.Combine(_folder, "data");
        DemoDatasetWriter.Write(data, clipsPerGenre: 2, seconds: 3);
        string split = Path.Combine(_folder, "split.txt");
        await File.WriteAllLinesAsync(split, DemoSongSynthesizer.Genres.SelectMany(g => new[] { $"{g}.00000 train", $"{g}.00001 valid" }));
        return (data, split);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
