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

        Assert.Contains("0:00–0:", output);
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
        Assert.Equal(song, root.GetProperty("path").GetString());
        var probabilities = root.GetProperty("probabilities").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetSingle());
        Assert.Equal(DemoSongSynthesizer.Genres.Order(), probabilities.Keys.Order());
        Assert.Equal(1.0, probabilities.Values.Sum(), 4);
        Assert.Equal(probabilities.MaxBy(p => p.Value).Key, root.GetProperty("genre").GetString());
        Assert.Equal(4.0, root.GetProperty("seconds").GetDouble(), 3);
        Assert.False(root.TryGetProperty("window_predictions", out _));
        Assert.False(root.TryGetProperty("segments", out _));
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

    [Fact]
    public async Task Several_files_a_folder_and_a_glob_give_one_json_line_each_with_errors_as_json()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_folder, "albums")).FullName;
        string[] songs = new[] { "a.wav", "b.wav" }.Select(n => Path.Combine(folder, n)).ToArray();
        foreach (string song in songs)
        {
            WavWriter.Write(song, DemoSongSynthesizer.Render("rock", 0, seconds: 2), 22050);
        }

        string bad = Path.Combine(_folder, "bad.wav");
        await File.WriteAllTextAsync(bad, "not audio");

        var (code, output, _) = await CliRunner.RunAsync("predict", folder, Path.Combine(folder, "*.wav"), bad, "--model", TinyModel, "--json", "--top", "2");

        Assert.Equal(1, code);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        var objects = lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(new[] { songs[0], songs[1], songs[0], songs[1], bad }, objects.Select(o => o.GetProperty("path").GetString()));
        Assert.All(objects[..4], o => Assert.Equal(2, o.GetProperty("top_genres").GetArrayLength()));
        Assert.False(string.IsNullOrEmpty(objects[4].GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Json_is_printed_even_when_the_model_cannot_be_loaded()
    {
        var (code, output, _) = await CliRunner.RunAsync("predict", "x.wav", "--model", Path.Combine(_folder, "none.onnx"), "--json");
        Assert.Equal(2, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Contains("no such model file", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Timeline_segments_cover_the_file_and_the_chart_is_drawn()
    {
        string song = Path.Combine(_folder, "song.wav");
        WavWriter.Write(song, [.. DemoSongSynthesizer.Render("metal", 0, seconds: 6), .. DemoSongSynthesizer.Render("classical", 0, seconds: 6)], 22050);
        string chart = Path.Combine(_folder, "t.png");

        var (code, output, error) = await CliRunner.RunAsync("predict", song, "--model", TinyModel, "--json", "--timeline", "--chart", chart);

        Assert.True(code == 0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var segments = json.RootElement.GetProperty("segments").EnumerateArray().ToArray();
        Assert.NotEmpty(segments);
        Assert.Equal(0, segments[0].GetProperty("start").GetDouble());
        Assert.Equal(12.0, segments[^1].GetProperty("end").GetDouble(), 1);
        for (int i = 1; i < segments.Length; i++)
        {
            Assert.Equal(segments[i - 1].GetProperty("end").GetDouble(), segments[i].GetProperty("start").GetDouble());
            Assert.NotEqual(segments[i - 1].GetProperty("genre").GetString(), segments[i].GetProperty("genre").GetString());
        }

        Assert.True(new FileInfo(chart).Length > 1000);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
