namespace GenreML.Cli.Tests;

/// <summary>Every command: unknown options, malformed values and unloadable models are one line and exit 2.</summary>
[Collection("console")]
public sealed class StrictCliTests : IDisposable
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-strict-").FullName;

    [Theory]
    [InlineData("score", "x.wav", "--thread", "2")]
    [InlineData("score", "x.wav", "--top", "abc")]
    [InlineData("score", "x.wav", "--threads", "abc")]
    [InlineData("score", "x.wav", "--threads", "0")]
    [InlineData("score", "x.wav", "--shard", "3/3")]
    [InlineData("score", "x.wav", "--out", "r.xlsx")]
    [InlineData("score", "x.wav", "--resume")]
    [InlineData("predict", "x.wav", "--bogus")]
    [InlineData("evaluate", "--data", "d", "--threads", "x")]
    [InlineData("evaluate", "--data", "d", "--nope")]
    [InlineData("inspect", "m.onnx", "--nope")]
    [InlineData("nosuchcommand")]
    public async Task Usage_errors_are_one_line_and_exit_2(params string[] args)
    {
        var (code, _, error) = await CliRunner.RunAsync(args);
        Assert.Equal(2, code);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("--top: 'abc' is not a whole number", "tag", "x.wav", "--top", "abc")]
    [InlineData("--min-confidence: 'high' is not a number", "tag", "x.wav", "--min-confidence", "high")]
    [InlineData("--min-confidence: '0,5' is not a number", "predict", "x.wav", "--min-confidence", "0,5")]
    [InlineData("--seconds: 'long' is not a number", "demo-data", "--out", "d", "--seconds", "long")]
    [InlineData("--repetitions: '1.5' is not a whole number", "bench", "features", "--repetitions", "1.5")]
    [InlineData("--min-confidence must be between 0 and 1 (got 1.5)", "score", "x.wav", "--min-confidence", "1.5")]
    [InlineData("--top must be at least 1 (got 0)", "tag", "x.wav", "--top", "0")]
    public async Task Malformed_numbers_are_named_in_plain_words(string expected, params string[] args)
    {
        var (code, _, error) = await CliRunner.RunAsync(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData("score")]
    [InlineData("evaluate")]
    [InlineData("predict")]
    public async Task A_model_that_is_not_ONNX_is_one_line_and_exit_2(string command)
    {
        string model = Path.Combine(_folder, "broken.onnx");
        byte[] bytes = await File.ReadAllBytesAsync(TinyModel);
        await File.WriteAllBytesAsync(model, bytes[..(bytes.Length / 3)]);
        string clip = Path.Combine(_folder, "a.wav");
        await File.WriteAllTextAsync(clip, "x");
        string[] args = command == "evaluate" ? ["evaluate", "--data", _folder, "--model", model] : [command, clip, "--model", model];

        var (code, _, error) = await CliRunner.RunAsync(args);

        Assert.Equal(2, code);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot load model", line);
    }

    [Fact]
    public async Task Help_is_not_an_error()
    {
        var (code, output, _) = await CliRunner.RunAsync("score", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--shard", output);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
