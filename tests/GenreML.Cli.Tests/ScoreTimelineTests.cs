using System.Text.Json;
using GenreML.Audio.Decoding;
using GenreML.Audio.Synthesis;

namespace GenreML.Cli.Tests;

/// <summary><c>score --timeline</c>: the segments of the ML.NET path, in the JSON line of each file.</summary>
[Collection("console")]
public sealed class ScoreTimelineTests : IDisposable
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-score-timeline-").FullName;

    [Fact]
    public async Task A_file_whose_genre_changes_half_way_gets_the_segments_predict_gives()
    {
        string song = Path.Combine(_folder, "song.wav");
        WavWriter.Write(song, [.. DemoSongSynthesizer.Render("metal", 0, seconds: 6), .. DemoSongSynthesizer.Render("classical", 0, seconds: 6)], 22050);
        string results = Path.Combine(_folder, "results.jsonl");

        var (code, _, error) = await CliRunner.RunAsync("score", song, "--model", TinyModel, "--out", results, "--timeline");
        var (predictCode, predicted, _) = await CliRunner.RunAsync("predict", song, "--model", TinyModel, "--json", "--timeline");

        Assert.True(code == 0, error);
        Assert.Equal(0, predictCode);
        using var line = JsonDocument.Parse(File.ReadAllLines(results).Single());
        using var expected = JsonDocument.Parse(predicted);
        JsonElement[] segments = line.RootElement.GetProperty("segments").EnumerateArray().ToArray();
        Assert.True(segments.Length >= 2, "the genre changes half-way, so there are at least two segments");
        Assert.Equal(0, segments[0].GetProperty("start").GetDouble());
        Assert.Equal(12.0, segments[^1].GetProperty("end").GetDouble(), 1);
        Assert.Equal(
            expected.RootElement.GetProperty("segments").EnumerateArray().Select(s => s.GetRawText()),
            segments.Select(s => s.GetRawText()));
    }

    [Fact]
    public async Task Without_timeline_the_lines_have_no_segments()
    {
        string song = Path.Combine(_folder, "song.wav");
        WavWriter.Write(song, DemoSongSynthesizer.Render("jazz", 0, seconds: 4), 22050);
        string results = Path.Combine(_folder, "results.jsonl");

        Assert.Equal(0, (await CliRunner.RunAsync("score", song, "--model", TinyModel, "--out", results)).ExitCode);

        using var line = JsonDocument.Parse(File.ReadAllLines(results).Single());
        Assert.False(line.RootElement.TryGetProperty("segments", out _));
    }

    [Theory]
    [InlineData("results.csv")]
    [InlineData(null)]
    public async Task Timeline_needs_a_jsonl_results_file(string? output)
    {
        string[] args = output is null
            ? ["score", _folder, "--model", TinyModel, "--timeline"]
            : ["score", _folder, "--model", TinyModel, "--timeline", "--out", Path.Combine(_folder, output)];

        var (code, _, error) = await CliRunner.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("--timeline", error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
