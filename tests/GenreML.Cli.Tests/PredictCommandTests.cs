using GenreML.Audio.Decoding;
using GenreML.Audio.Synthesis;

namespace GenreML.Cli.Tests;

[Collection("console")]
public sealed class PredictCommandTests : IDisposable
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-predict-").FullName;

    [Fact]
    public async Task Prints_the_genre_and_a_bar_for_every_label()
    {
        string song = Path.Combine(_folder, "song.wav");
        WavWriter.Write(song, DemoSongSynthesizer.Render("metal", 0, seconds: 4), 22050);
        var (code, output, _) = await CliRunner.RunAsync("predict", song, "--model", TinyModel, "--windows");
        Assert.Equal(0, code);
        Assert.StartsWith("song.wav: ", output);
        foreach (string genre in DemoSongSynthesizer.Genres)
        {
            Assert.Contains($"  {genre}", output);
        }

        Assert.Contains("0:00–0:01", output);
    }

    [Fact]
    public async Task Json_output_has_every_probability_and_the_top_genre()
    {
        string song = Path.Combine(_folder, "song.wav");
        WavWriter.Write(song, DemoSongSynthesizer.Render("disco", 0, seconds: 4), 22050);
        var (code, output, _) = await CliRunner.RunAsync("predict", song, "--model", TinyModel, "--json");
        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("song.wav", root.GetProperty("file").GetString());
        var probabilities = root.GetProperty("probabilities").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetSingle());
        Assert.Equal(DemoSongSynthesizer.Genres.Order(), probabilities.Keys.Order());
        Assert.Equal(1.0, probabilities.Values.Sum(), 4);
        Assert.Equal(probabilities.MaxBy(p => p.Value).Key, root.GetProperty("genre").GetString());
        Assert.Equal(4.0, root.GetProperty("seconds").GetDouble(), 3);
        Assert.False(root.TryGetProperty("windowGenres", out _));
    }

    [Fact]
    public async Task Without_a_model_the_shipped_GTZAN_model_is_used()
    {
        string song = Path.Combine(_folder, "song.wav");
        WavWriter.Write(song, DemoSongSynthesizer.Render("jazz", 0, seconds: 4), 22050);
        var (code, output, _) = await CliRunner.RunAsync("predict", song, "--json");
        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(10, json.RootElement.GetProperty("probabilities").EnumerateObject().Count());
    }

    [Fact]
    public async Task A_missing_model_says_what_to_pass()
    {
        var (code, _, error) = await CliRunner.RunAsync("predict", "x.wav", "--model", Path.Combine(_folder, "none.onnx"));
        Assert.Equal(2, code);
        Assert.Contains("no such model file", error);
    }

    [Fact]
    public async Task An_undecodable_file_is_named_in_the_error()
    {
        string bad = Path.Combine(_folder, "bad.wav");
        await File.WriteAllTextAsync(bad, "not audio at all");
        var (code, _, error) = await CliRunner.RunAsync("predict", bad, "--model", TinyModel);
        Assert.Equal(1, code);
        Assert.Contains(bad, error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
