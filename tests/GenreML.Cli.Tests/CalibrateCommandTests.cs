using GenreML.Audio.Decoding;
using GenreML.Audio.Synthesis;
using GenreML.Inference;
using GenreML.Inference.Cards;

namespace GenreML.Cli.Tests;

/// <summary><c>genreml calibrate</c> end to end with the tiny model: the fitted settings land in the ONNX card and the card file beside it.</summary>
[Collection("console")]
public sealed class CalibrateCommandTests : IDisposable
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-calibrate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Noise(string folder, string name, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        WavWriter.Write(Path.Combine(folder, name), Enumerable.Range(0, 22050 * 3).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray(), 22050);
    }

    [Fact]
    public async Task Calibrate_stores_temperature_threshold_and_not_music_check_in_the_onnx_card_and_card_file()
    {
        string data = Path.Combine(_folder, "data");
        DemoDatasetWriter.Write(data, clipsPerGenre: 2, seconds: 3);
        string split = Path.Combine(_folder, "split.txt");
        string[] names = Directory.GetFiles(data, "*.wav", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).Order().ToArray()!;
        await File.WriteAllLinesAsync(split, names.Select((n, i) => $"{n} {(i % 2 == 0 ? "train" : "test")}"));
        string negatives = Path.Combine(_folder, "fit"), unseen = Path.Combine(_folder, "unseen");
        Noise(negatives, "white-0.wav", 1);
        Noise(negatives, "white-1.wav", 2);
        Noise(unseen, "pink-0.wav", 3);
        string model = Path.Combine(_folder, "model", "model.onnx");
        Directory.CreateDirectory(Path.GetDirectoryName(model)!);
        File.Copy(TinyModel, model);
        string before;
        using (var plain = GenreClassifier.Open(model))
        {
            Assert.Null(plain.Card.Calibration);
            before = plain.Card.ToJson();
        }

        await File.WriteAllTextAsync(Path.Combine(_folder, "model", "card.json"), before);
        string report = Path.Combine(_folder, "report");

        var (code, output, error) = await CliRunner.RunAsync(
            "calibrate", "--model", model, "--data", data, "--fold", $"{TinyModel}={split}",
            "--negatives", negatives, "--unseen-negatives", unseen, "--out", report);

        Assert.True(code == 0, error + output);
        Assert.True(File.Exists(Path.Combine(report, "calibration.md")));
        Assert.True(File.Exists(Path.Combine(report, "reliability.png")));
        using var calibrated = GenreClassifier.Open(model);
        CalibrationSettings settings = calibrated.Card.Calibration ?? throw new Xunit.Sdk.XunitException("no calibration in the ONNX card");
        Assert.True(settings.Temperature > 0);
        Assert.NotNull(settings.NotMusic);
        Assert.Equal(calibrated.Card.ToJson(), ModelCard.FromJson(await File.ReadAllTextAsync(Path.Combine(_folder, "model", "card.json"))).ToJson());
        Assert.Equal(before, (calibrated.Card with { Calibration = null }).ToJson());
    }

    [Fact]
    public async Task A_fold_without_a_split_file_is_refused()
    {
        var (code, _, error) = await CliRunner.RunAsync("calibrate", "--model", TinyModel, "--data", _folder, "--fold", TinyModel);
        Assert.Equal(2, code);
        Assert.Contains("<model.onnx>=<split file>", error);
    }
}
