using GenreML.Audio.Synthesis;

namespace GenreML.Cli.Tests;

/// <summary><c>score</c> over a library: streamed results, resume after a kill, retry of failures, shards, walk problems.</summary>
[Collection("console")]
public sealed class ScoreLibraryTests : IDisposable
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-library-").FullName;
    private readonly string _data;

    public ScoreLibraryTests()
    {
        _data = Path.Combine(_folder, "library");
        DemoDatasetWriter.Write(_data, clipsPerGenre: 1, seconds: 2);
    }

    [Theory]
    [InlineData("results.jsonl")]
    [InlineData("results.csv")]
    public async Task A_killed_run_resumed_covers_every_file_once_and_equals_an_uninterrupted_run(string name)
    {
        string whole = Path.Combine(_folder, "whole-" + name);
        Assert.Equal(0, (await CliRunner.RunAsync("score", _data, "--model", TinyModel, "--out", whole)).ExitCode);
        string[] expected = await File.ReadAllLinesAsync(whole);

        // What a kill -9 after four files leaves: the lines flushed so far and a torn fifth line.
        string resumed = Path.Combine(_folder, name);
        int header = name.EndsWith(".csv", StringComparison.Ordinal) ? 1 : 0;
        await File.WriteAllTextAsync(resumed, string.Join('\n', expected[..(header + 4)]) + "\n" + expected[header + 4][..20]);
        var (code, _, error) = await CliRunner.RunAsync("score", _data, "--model", TinyModel, "--out", resumed, "--resume");

        Assert.True(code == 0, error);
        Assert.Contains("4 already in", error);
        Assert.Equal(expected, await File.ReadAllLinesAsync(resumed));
        Assert.Equal(new[] { Path.GetFileName(whole), name }.Order(), Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Retry_failed_scores_failures_again_and_keeps_one_line_per_file()
    {
        string broken = Path.Combine(_data, "rock", "later.wav");
        await File.WriteAllTextAsync(broken, "not yet audio");
        string results = Path.Combine(_folder, "r.jsonl");
        Assert.Equal(1, (await CliRunner.RunAsync("score", _data, "--model", TinyModel, "--out", results)).ExitCode);

        Audio.Decoding.WavWriter.Write(broken, DemoSongSynthesizer.Render("rock", 5, 2, 22050), 22050);
        File.SetLastWriteTimeUtc(broken, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var (code, _, error) = await CliRunner.RunAsync("score", _data, "--model", TinyModel, "--out", results, "--resume", "--retry-failed");

        Assert.True(code == 0, error);
        string[] lines = await File.ReadAllLinesAsync(results);
        Assert.Equal(11, lines.Length);
        Assert.Single(lines, l => l.Contains("later.wav", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("\"error\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shards_written_apart_merge_into_the_whole()
    {
        string whole = Path.Combine(_folder, "whole.jsonl");
        await CliRunner.RunAsync("score", _data, "--model", TinyModel, "--out", whole);
        var merged = new List<string>();
        for (int k = 0; k < 3; k++)
        {
            string part = Path.Combine(_folder, $"part-{k}.jsonl");
            var (code, _, error) = await CliRunner.RunAsync("score", _data, "--model", TinyModel, "--out", part, "--shard", $"{k}/3");
            Assert.True(code == 0, error);
            merged.AddRange(await File.ReadAllLinesAsync(part));
        }

        Assert.Equal((await File.ReadAllLinesAsync(whole)).Order(), merged.Order());
    }

    [Fact]
    public async Task A_symlink_loop_ends_and_is_reported()
    {
        Directory.CreateSymbolicLink(Path.Combine(_data, "rock", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_data, "jazz", "again"), "../..");
        string results = Path.Combine(_folder, "r.jsonl");

        var (code, _, error) = await CliRunner.RunAsync("score", _data, "--model", TinyModel, "--out", results, "--verbose");

        Assert.True(code == 0, error);
        Assert.Equal(10, (await File.ReadAllLinesAsync(results)).Length);
        Assert.Contains("2 already visited", error);
    }

    [Fact]
    public async Task An_empty_input_is_an_error_that_says_so()
    {
        string empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;
        await File.WriteAllTextAsync(Path.Combine(empty, "notes.txt"), "no audio here");
        var (code, _, error) = await CliRunner.RunAsync("score", empty, "--model", TinyModel);
        Assert.Equal(2, code);
        Assert.Contains("no audio files", error);
        Assert.Contains("1 not audio", error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
