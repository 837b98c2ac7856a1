namespace GenreML.Cli.Tests;

[Collection("console")]
public class InspectCommandTests
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");

    [Fact]
    public async Task Shows_interface_opset_and_card()
    {
        var (code, output, _) = await CliRunner.RunAsync("inspect", TinyModel);
        Assert.Equal(0, code);
        Assert.Contains("input       logmel: float32[N, 1, 32, 64]", output);
        Assert.Contains("opsets ai.onnx 17", output);
        Assert.Contains("10 labels", output);
        Assert.Contains("\"windowFrames\": 64", output);
    }

    [Fact]
    public async Task A_file_that_is_not_onnx_is_reported_with_its_name()
    {
        string path = Path.Combine(Path.GetTempPath(), $"genreml-not-onnx-{Guid.NewGuid():N}.onnx");
        await File.WriteAllTextAsync(path, "this is not a model");
        try
        {
            var (code, _, error) = await CliRunner.RunAsync("inspect", path);
            Assert.NotEqual(0, code);
            Assert.Contains(path, error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
