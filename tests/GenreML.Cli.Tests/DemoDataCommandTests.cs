namespace GenreML.Cli.Tests;

[Collection("console")]
public class DemoDataCommandTests
{
    [Fact]
    public async Task Writes_the_requested_clips_in_gtzan_layout()
    {
        string root = Path.Combine(Path.GetTempPath(), "genreml-cli-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output, _) = await CliRunner.RunAsync("demo-data", "--out", root, "--clips-per-genre", "1", "--seconds", "0.5");
            Assert.Equal(0, code);
            Assert.Contains("wrote 10 clips", output);
            Assert.True(File.Exists(Path.Combine(root, "blues", "blues.00000.wav")));
            Assert.Equal(10, Directory.GetDirectories(root).Length);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Rejects_a_non_positive_clip_count()
    {
        var (code, _, error) = await CliRunner.RunAsync("demo-data", "--out", Path.GetTempPath(), "--clips-per-genre", "0");
        Assert.NotEqual(0, code);
        Assert.Contains("--clips-per-genre", error);
    }

    [Fact]
    public async Task Help_lists_the_command()
    {
        var (code, output, _) = await CliRunner.RunAsync("--help");
        Assert.Equal(0, code);
        Assert.Contains("demo-data", output);
    }
}
