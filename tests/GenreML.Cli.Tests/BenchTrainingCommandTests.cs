using GenreML.Audio.Synthesis;

namespace GenreML.Cli.Tests;

[Collection("console")]
public sealed class BenchTrainingCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-bench-training-").FullName;

    [Fact]
    public async Task Two_fold_cross_validation_reports_both_folds_their_mean_and_per_class_counts()
    {
        string data = Path.Combine(_folder, "data");
        DemoDatasetWriter.Write(data, clipsPerGenre: 2, seconds: 3);
        string split = Path.Combine(_folder, "split.txt");
        await File.WriteAllLinesAsync(split, DemoSongSynthesizer.Genres.SelectMany(g => new[] { $"{g}.00000 train", $"{g}.00001 valid" }));
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

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
