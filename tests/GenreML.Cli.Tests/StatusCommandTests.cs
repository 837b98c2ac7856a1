using System.Text.Json;
using GenreML.Audio.Decoding;
using GenreML.Audio.Synthesis;

namespace GenreML.Cli.Tests;

/// <summary>
/// Every status reaches the user through <c>predict --json</c> (field <c>status</c>), <c>predict</c>'s text and
/// <c>score</c>'s JSON Lines and CSV: silence, a 0.05-s clip and an unconfident answer with the tiny model; noise and
/// synthesized speech with the shipped model, whose card carries the not-music check.
/// </summary>
[Collection("console")]
public sealed class StatusCommandTests : IDisposable
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");
    private static readonly string Speech = Path.Combine(AppContext.BaseDirectory, "Audio", "speech-en-espeak.wav");
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-status-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, float[] samples)
    {
        string path = Path.Combine(_folder, name);
        WavWriter.Write(path, samples, 22050);
        return path;
    }

    private string Silence() => Write("silence.wav", new float[22050 * 5]);

    private string Blip() => Write("blip.wav", DemoSongSynthesizer.Render("rock", 0, seconds: 0.05));

    private string Noise()
    {
        var random = new Random(7);
        return Write("noise.wav", Enumerable.Range(0, 22050 * 10).Select(_ => (float)(random.NextDouble() - 0.5) * 0.5f).ToArray());
    }

    private static async Task<string> PredictStatus(params string[] args)
    {
        var (code, output, error) = await CliRunner.RunAsync(["predict", .. args, "--json"]);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("genre").GetString()));
        return json.RootElement.GetProperty("status").GetString()!;
    }

    [Fact]
    public async Task Predict_json_says_silence_too_short_and_uncertain()
    {
        Assert.Equal("silence", await PredictStatus(Silence(), "--model", TinyModel));
        Assert.Equal("too_short", await PredictStatus(Blip(), "--model", TinyModel));
        string song = Write("song.wav", DemoSongSynthesizer.Render("jazz", 0, seconds: 4));
        Assert.Equal("uncertain", await PredictStatus(song, "--model", TinyModel, "--min-confidence", "1"));
        Assert.Equal("ok", await PredictStatus(song, "--model", TinyModel, "--min-confidence", "0"));
    }

    [Fact]
    public async Task Predict_text_prints_the_status_instead_of_a_confident_genre()
    {
        var (code, output, _) = await CliRunner.RunAsync("predict", Silence(), "--model", TinyModel);
        Assert.Equal(0, code);
        Assert.StartsWith("silence.wav: can't tell: silence", output);
    }

    [Fact]
    public async Task Score_writes_the_status_of_every_file_in_json_lines_and_csv()
    {
        string folder = Path.Combine(_folder, "in");
        Directory.CreateDirectory(folder);
        File.Move(Silence(), Path.Combine(folder, "silence.wav"));
        File.Move(Blip(), Path.Combine(folder, "blip.wav"));
        string jsonl = Path.Combine(_folder, "results.jsonl");
        var (code, _, error) = await CliRunner.RunAsync("score", folder, "--model", TinyModel, "--out", jsonl);
        Assert.True(code == 0, error);
        var statuses = (await File.ReadAllLinesAsync(jsonl))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(r => Path.GetFileName(r.GetProperty("path").GetString()!), r => r.GetProperty("status").GetString());
        Assert.Equal("silence", statuses["silence.wav"]);
        Assert.Equal("too_short", statuses["blip.wav"]);

        string csv = Path.Combine(_folder, "results.csv");
        (code, _, error) = await CliRunner.RunAsync("score", folder, "--model", TinyModel, "--out", csv);
        Assert.True(code == 0, error);
        string[] lines = await File.ReadAllLinesAsync(csv);
        Assert.StartsWith("path,status,", lines[0]);
        Assert.Contains(lines, l => l.Contains("silence.wav,silence,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_shipped_model_says_not_music_for_noise_and_speech_in_predict_and_score()
    {
        Assert.Equal("not_music", await PredictStatus(Noise()));
        Assert.Equal("not_music", await PredictStatus(Speech));

        string folder = Path.Combine(_folder, "sounds");
        Directory.CreateDirectory(folder);
        File.Copy(Speech, Path.Combine(folder, "speech.wav"));
        File.Move(Noise(), Path.Combine(folder, "noise.wav"));
        string jsonl = Path.Combine(_folder, "sounds.jsonl");
        var (code, _, error) = await CliRunner.RunAsync("score", folder, "--out", jsonl);
        Assert.True(code == 0, error);
        Assert.All(await File.ReadAllLinesAsync(jsonl), line => Assert.Equal("not_music", JsonDocument.Parse(line).RootElement.GetProperty("status").GetString()));
    }
}
