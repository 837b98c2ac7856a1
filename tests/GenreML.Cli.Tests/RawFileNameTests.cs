using GenreML.Audio.Synthesis;
using GenreML.MLNet.Results;
using GenreML.Testing;

namespace GenreML.Cli.Tests;

/// <summary>A library file whose name is not valid UTF-8 (Latin-1 <c>caf\xE9.wav</c>) is scored, resumed, sharded, predicted and evaluated like any other.</summary>
[Collection("console")]
public sealed class RawFileNameTests : IDisposable
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-rawnames-").FullName;
    private readonly string _data;
    private readonly string _latin1;

    public RawFileNameTests()
    {
        _data = Path.Combine(_folder, "library");
        DemoDatasetWriter.Write(_data, clipsPerGenre: 1, seconds: 2);
        _latin1 = RawFileNames.Latin1(Path.Combine(_data, "rock"), "caf", ".wav");
        if (OperatingSystem.IsLinux())
        {
            RawFileNames.MoveTo(Path.Combine(_data, "rock", "rock.00000.wav"), _latin1);
        }
    }

    [SkippableTheory]
    [InlineData("results.jsonl", false)]
    [InlineData("results.csv", false)]
    [InlineData("hashed.jsonl", true)]
    public async Task Score_scores_it_and_resume_finds_it_done(string name, bool hash)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "raw names are read on Linux.");
        string results = Path.Combine(_folder, name);
        string[] options = hash ? ["--hash"] : [];

        var (code, _, error) = await CliRunner.RunAsync(["score", _data, "--model", TinyModel, "--out", results, .. options]);

        Assert.True(code == 0, error);
        ResultLine line = Assert.Single(ResultsFileReader.Read(results), l => l.Identity.Path.Contains("caf", StringComparison.Ordinal));
        Assert.Equal(_latin1, line.Identity.Path);
        Assert.False(line.Failed, line.Text);
        Assert.True(line.Identity.Size > 0);
        Assert.Equal(hash, line.Identity.Sha256 is { Length: 64 });
        Assert.Contains("caf\\uDCE9.wav", line.Text, StringComparison.Ordinal);
        Assert.Equal(10, ResultsFileReader.Read(results).Count());

        string[] before = await File.ReadAllLinesAsync(results);
        (code, _, error) = await CliRunner.RunAsync(["score", _data, "--model", TinyModel, "--out", results, "--resume", .. options]);

        Assert.True(code == 0, error);
        Assert.Contains("10 already in", error);
        Assert.Equal(before, await File.ReadAllLinesAsync(results));
    }

    [SkippableFact]
    public async Task Three_shards_cover_it_exactly_once()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "raw names are read on Linux.");
        var paths = new List<string>();
        for (int k = 0; k < 3; k++)
        {
            string part = Path.Combine(_folder, $"part-{k}.jsonl");
            var (code, _, error) = await CliRunner.RunAsync("score", _data, "--model", TinyModel, "--out", part, "--shard", $"{k}/3");
            Assert.True(code == 0 || error.Contains("no audio", StringComparison.Ordinal), error);
            if (File.Exists(part))
            {
                paths.AddRange(ResultsFileReader.Read(part).Select(l => l.Identity.Path));
            }
        }

        Assert.Equal(10, paths.Count);
        Assert.Single(paths, p => p == _latin1);
        Assert.Equal(10, paths.Distinct(StringComparer.Ordinal).Count());
    }

    [SkippableFact]
    public async Task Predict_on_its_folder_answers_it()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "raw names are read on Linux.");

        var (code, output, error) = await CliRunner.RunAsync("predict", Path.Combine(_data, "rock"), "--model", TinyModel, "--json");

        Assert.True(code == 0, error);
        string line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("caf\\uDCE9.wav\"", line, StringComparison.Ordinal);
        Assert.Contains("\"status\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\"error\"", line, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Evaluate_counts_it()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "raw names are read on Linux.");
        string output = Path.Combine(_folder, "eval");

        var (code, stdout, error) = await CliRunner.RunAsync("evaluate", "--model", TinyModel, "--data", _data, "--out", output);

        Assert.True(code == 0, error);
        Assert.Contains("10 clips", stdout);
        string row = Assert.Single(await File.ReadAllLinesAsync(Path.Combine(output, "predictions.csv")), l => l.Contains("caf", StringComparison.Ordinal));
        Assert.StartsWith($"{_data}/rock/caf\\uDCE9.wav,rock,", row, StringComparison.Ordinal);
        Assert.EndsWith(",", row, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Tag_writes_it_and_undo_restores_it()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "raw names are read on Linux.");
        string rock = Path.Combine(_data, "rock");
        string log = Path.Combine(_folder, "undo.jsonl");
        long before = Core.IO.InputFile.Stat(_latin1)!.Value.Size;

        var (code, output, error) = await CliRunner.RunAsync("tag", rock, "--model", TinyModel, "--wav-id3", "--min-confidence", "0", "--write", "--undo-log", log);

        Assert.True(code == 0, error);
        Assert.True(output.Contains("1 of 1 file(s) tagged", StringComparison.Ordinal), output);
        Assert.True(Core.IO.InputFile.Stat(_latin1)!.Value.Size > before);
        Assert.Contains("caf\\uDCE9.wav", await File.ReadAllTextAsync(log), StringComparison.Ordinal);
        Assert.Equal([Path.GetFileName(_latin1)], Core.IO.InputFile.RawNames(rock));

        (code, output, error) = await CliRunner.RunAsync("tag", "--undo", log);

        Assert.True(code == 0, error);
        Assert.Contains("1 of 1 file(s) restored", output, StringComparison.Ordinal);
        Assert.Equal(before, Core.IO.InputFile.Stat(_latin1)!.Value.Size);
    }

    public void Dispose() => RawFileNames.DeleteTree(_folder);
}

public sealed class RawArgumentsTests
{
    [Fact]
    public void A_lossy_argument_is_restored_from_the_raw_command_line()
    {
        byte[] commandLine = [.. "/usr/bin/genreml\0predict\0"u8, .. "caf"u8, 0xE9, .. ".wav\0--json\0"u8];
        string lossy = "caf\uFFFD.wav";

        string[] restored = Invocation.RawArguments.Restore(["predict", lossy, "--json"], commandLine);

        Assert.Equal(["predict", "caf\uDCE9.wav", "--json"], restored);
    }

    [Fact]
    public void An_argument_that_really_holds_U_FFFD_or_does_not_match_is_kept()
    {
        byte[] commandLine = [.. "genreml\0predict\0"u8, .. "real \uFFFD.wav\0"u8, .. "x"u8, 0xE9, 0];

        string[] restored = Invocation.RawArguments.Restore(["predict", "real \uFFFD.wav", "y\uFFFD"], commandLine);

        Assert.Equal(["predict", "real \uFFFD.wav", "y\uFFFD"], restored);
    }
}
