namespace GenreML.Cli.Tests;

/// <summary><c>bench scoring</c> measures the shipped float model and its 8-bit copy unless a model is named.</summary>
[Collection("console")]
public sealed class BenchScoringCommandTests
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");

    [Fact]
    public async Task Without_a_model_it_measures_both_shipped_models()
    {
        var (code, output, error) = await CliRunner.RunAsync("bench", "scoring", "--files", "1");

        Assert.True(code == 0, error);
        Assert.Contains("ML.NET scoring bench: genreml-gtzan.onnx,", output);
        Assert.Contains("ML.NET scoring bench: genreml-gtzan.int8.onnx,", output);
        Assert.Equal(2, output.Split('\n').Count(line => line.StartsWith("| 1 |", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_named_model_is_the_only_one_measured()
    {
        var (code, output, error) = await CliRunner.RunAsync("bench", "scoring", "--files", "1", "--model", TinyModel);

        Assert.True(code == 0, error);
        Assert.Contains("ML.NET scoring bench: tiny-genre.onnx,", output);
        Assert.DoesNotContain("genreml-gtzan", output);
    }
}
