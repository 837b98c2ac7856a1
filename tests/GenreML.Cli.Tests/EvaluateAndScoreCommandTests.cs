using GenreML.Audio.Synthesis;

namespace GenreML.Cli.Tests;

[Collection("console")]
public sealed class EvaluateAndScoreCommandTests : IDisposable
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-eval-cli-").FullName;
    private readonly string _data;

    public EvaluateAndScoreCommandTests()
    {
        _data = Path.Combine(_folder, "data");
        DemoDatasetWriter.Write(_data, clipsPerGenre: 1, seconds: 3);
    }

    [Fact]
    public async Task Evaluate_prints_metrics_and_writes_json_markdown_and_charts()
    {
        string output = Path.Combine(_folder, "eval");
        var (code, stdout, stderr) = await CliRunner.RunAsync("evaluate", "--model", TinyModel, "--data", _data, "--out", output);
        Assert.True(code == 0, stderr);
        Assert.Contains("10 clips", stdout);
        foreach (string file in new[] { "metrics.json", "confusion.md", "confusion_matrix.png", "class_scores.png" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} missing");
        }
    }

    [Fact]
    public async Task Score_writes_a_row_per_file_and_an_error_row_for_a_bad_one()
    {
        string bad = Path.Combine(_data, "rock", "broken.wav");
        await File.WriteAllBytesAsync(bad, "RIFF\u0004\0\0\0WAVE"u8.ToArray());
        string results = Path.Combine(_folder, "results.csv");
        var (code, _, stderr) = await CliRunner.RunAsync("score", _data, "--model", TinyModel, "--out", results);
        Assert.Equal(1, code);
        Assert.Contains("broken.wav", stderr);
        string[] lines = await File.ReadAllLinesAsync(results);
        Assert.Equal(12, lines.Length);
        Assert.Equal("path,status,genre,probability,top_genres,top_probabilities,seconds,error,size,mtime,sha256,model", lines[0]);
        string errorRow = Assert.Single(lines, l => l.StartsWith(bad + ",", StringComparison.Ordinal));
        Assert.StartsWith(bad + ",,,,,,,", errorRow);
        Assert.NotEmpty(errorRow.Split(',')[7]);
    }

    [Fact]
    public async Task Evaluate_skips_strays_matches_labels_case_insensitively_maps_folders_and_writes_predictions()
    {
        await File.WriteAllTextAsync(Path.Combine(_data, "stray.wav"), "x");
        Directory.CreateDirectory(Path.Combine(_data, "podcasts"));
        await File.WriteAllTextAsync(Path.Combine(_data, "podcasts", "talk.wav"), "x");
        Directory.Move(Path.Combine(_data, "rock"), Path.Combine(_data, "ROCK"));
        Directory.Move(Path.Combine(_data, "hiphop"), Path.Combine(_data, "Hip-Hop"));
        Directory.CreateSymbolicLink(Path.Combine(_data, "jazz", "loop"), "..");
        string map = Path.Combine(_folder, "map.json");
        await File.WriteAllTextAsync(map, "{\"hip-hop\": \"hiphop\"}");
        string output = Path.Combine(_folder, "eval");

        var (code, stdout, stderr) = await CliRunner.RunAsync("evaluate", "--model", TinyModel, "--data", _data, "--out", output, "--label-map", map);

        Assert.True(code == 0, stderr);
        Assert.Contains("10 clips", stdout);
        Assert.Contains("Skipped 2 file(s)", stderr);
        string[] predictions = await File.ReadAllLinesAsync(Path.Combine(output, "predictions.csv"));
        Assert.Equal(11, predictions.Length);
        Assert.StartsWith("path,label,predicted,probability,", predictions[0]);
        Assert.Contains(predictions, l => l.Contains("Hip-Hop", StringComparison.Ordinal) && l.Split(',')[1] == "hiphop");
        Assert.Contains("## Misclassified files", await File.ReadAllTextAsync(Path.Combine(output, "confusion.md")));
    }

    [Fact]
    public async Task Evaluate_strict_stops_on_a_stray_file()
    {
        await File.WriteAllTextAsync(Path.Combine(_data, "stray.wav"), "x");
        var (code, _, stderr) = await CliRunner.RunAsync("evaluate", "--model", TinyModel, "--data", _data, "--out", Path.Combine(_folder, "e"), "--strict");
        Assert.Equal(2, code);
        Assert.Contains("stray.wav", stderr);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
