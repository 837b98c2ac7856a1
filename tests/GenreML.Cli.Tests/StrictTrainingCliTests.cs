using GenreML.Audio.Synthesis;

namespace GenreML.Cli.Tests;

/// <summary>
/// genreml-train (train, export, bench training/own-genres/seed-speed) and train-head follow the same exit codes as every
/// genreml command: a usage error or a model that cannot be loaded is one line and exit 2; some skipped inputs are exit 1.
/// </summary>
[Collection("console")]
public sealed class StrictTrainingCliTests : IDisposable
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-strict-train-").FullName;

    [Theory]
    [InlineData("train", "--bogus")]
    [InlineData("train", "--epochs", "abc")]
    [InlineData("train", "--arch", "nosuch")]
    [InlineData("train", "--lr", "fast")]
    [InlineData("train", "--epochs", "0")]
    [InlineData("train", "--ensemble", "two")]
    [InlineData("train", "--resume")]
    [InlineData("export", "--nope")]
    [InlineData("export")]
    [InlineData("bench", "training", "--data", "d", "--seeds", "0")]
    [InlineData("bench", "training", "--data", "d", "--epochs", "x")]
    [InlineData("bench", "seed-speed", "--examples", "many")]
    [InlineData("bench", "own-genres", "--data", "d", "--split-file", "s", "--base-run", "b", "--methods", "magic")]
    [InlineData("bench", "own-genres", "--data", "d", "--split-file", "s", "--base-run", "b", "--shots", "5,x")]
    [InlineData("train-head", "--data", "d", "--out", "o", "--folds", "1")]
    [InlineData("train-head", "--data", "d", "--out", "o", "--folds", "abc")]
    public async Task Usage_errors_are_one_line_and_exit_2(params string[] args)
    {
        var (code, _, error) = await CliRunner.RunAsync(args);

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.Single(Lines(error));
    }

    [Fact]
    public async Task A_missing_data_folder_is_one_line_and_exit_2_and_leaves_no_run_folder()
    {
        string missing = Path.Combine(_folder, "no-such-data");
        string run = Path.Combine(_folder, "run");

        var (code, _, error) = await CliRunner.RunAsync("train", "--data", missing, "--out", run, "--quiet", "--no-cache");

        Assert.Equal(2, code);
        string line = Assert.Single(Lines(error));
        Assert.Contains("no-such-data", line);
        Assert.False(Directory.Exists(run));
    }

    [Fact]
    public async Task A_data_folder_without_clips_is_one_line_and_exit_2()
    {
        string empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;

        var (code, _, error) = await CliRunner.RunAsync("train", "--data", empty, "--out", Path.Combine(_folder, "run"), "--quiet", "--no-cache");

        Assert.Equal(2, code);
        Assert.Contains("no genre sub-folders", Assert.Single(Lines(error)));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("text")]
    [InlineData("missing")]
    public async Task Export_of_a_model_that_cannot_be_loaded_is_one_line_and_exit_2(string kind)
    {
        string model = Path.Combine(_folder, "broken.onnx");
        if (kind == "truncated")
        {
            byte[] bytes = await File.ReadAllBytesAsync(TinyModel);
            await File.WriteAllBytesAsync(model, bytes[..(bytes.Length / 3)]);
        }
        else if (kind == "text")
        {
            await File.WriteAllTextAsync(model, "not a model\n");
        }

        string output = Path.Combine(_folder, "out.onnx");
        var (code, _, error) = await CliRunner.RunAsync("export", "--model", model, "--with-frontend", "--out", output);

        Assert.Equal(2, code);
        Assert.Contains("cannot load model", Assert.Single(Lines(error)));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Training_that_skips_an_unreadable_file_exits_1_with_a_one_line_summary()
    {
        string data = Path.Combine(_folder, "data");
        DemoDatasetWriter.Write(data, clipsPerGenre: 3, seconds: 3);
        foreach (string genre in Directory.GetDirectories(data).Order(StringComparer.Ordinal).Skip(2))
        {
            Directory.Delete(genre, recursive: true);
        }

        string label = Directory.GetDirectories(data).Order(StringComparer.Ordinal).First();
        await File.WriteAllBytesAsync(Path.Combine(label, "broken.wav"), "RIFF\u0004\0\0\0WAVE"u8.ToArray());
        string run = Path.Combine(_folder, "run");

        var (code, output, error) = await CliRunner.RunAsync("train", "--data", data, "--out", run, "--merge-valid", "--epochs", "1", "--width", "4", "--quiet", "--no-cache");

        Assert.True(code == 1, $"exit {code}\n{output}\n{error}");
        Assert.Contains("1 file(s) could not be read", Assert.Single(Lines(error)));
        Assert.Contains("broken.wav", output);
        Assert.True(File.Exists(Path.Combine(run, "model.onnx")));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
