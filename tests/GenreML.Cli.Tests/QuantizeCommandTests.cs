using GenreML.Audio.Decoding;
using GenreML.Audio.Synthesis;
using GenreML.Inference;
using GenreML.Inference.Cards;

namespace GenreML.Cli.Tests;

/// <summary><c>genreml quantize</c>: an 8-bit copy of a model, calibrated on audio, checked and described in its card.</summary>
[Collection("console")]
public sealed class QuantizeCommandTests : IDisposable
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-quantize-").FullName;

    [Fact]
    public async Task Writes_an_8_bit_model_that_answers_like_the_float_one()
    {
        string audio = Songs(4);
        string output = Path.Combine(_folder, "tiny.int8.onnx");

        var (code, stdout, error) = await CliRunner.RunAsync("quantize", audio, "--model", TinyModel, "--out", output, "--clips", "2");

        Assert.True(code == 0, error);
        Assert.Contains("Activation ranges from 2 clips", stdout);
        Assert.Contains("Checked on 2 other clips", stdout);
        using var quantised = GenreClassifier.Open(output);
        using var reference = GenreClassifier.Open(TinyModel);
        QuantizationInfo info = quantised.Card.Quantization!;
        Assert.Equal(QuantizationInfo.Int8Qdq, info.Scheme);
        Assert.Equal((2, 2), (info.CalibrationClips, info.CheckedClips));
        Assert.True(info.CalibrationWindows >= 2);
        Assert.StartsWith("tiny-genre.onnx@", info.SourceModel);
        Assert.Equal(reference.Card.Labels, quantised.Card.Labels);
        Assert.Equal(reference.Card with { Quantization = null }, quantised.Card with { Quantization = null }, new CardJson());
        Assert.Equal(ModelCard.FromJson(File.ReadAllText(Path.ChangeExtension(output, ".card.json"))), quantised.Card, new CardJson());
        string song = Directory.GetFiles(audio)[0];
        float[] a = reference.Examine(song).ClipProbabilities, b = quantised.Examine(song).ClipProbabilities;
        Assert.True(a.Zip(b, (x, y) => Math.Abs(x - y)).Max() <= Math.Max(info.MaxProbabilityDifference, 0.05));
    }

    [Fact]
    public async Task An_unreadable_file_is_reported_and_the_rest_calibrate()
    {
        string audio = Songs(2);
        File.WriteAllText(Path.Combine(audio, "broken.wav"), "RIFF but not really");
        string output = Path.Combine(_folder, "tiny.int8.onnx");

        var (code, _, error) = await CliRunner.RunAsync("quantize", audio, "--model", TinyModel, "--out", output);

        Assert.Equal(1, code);
        Assert.Contains("broken.wav", error);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public async Task Refuses_to_quantise_twice_to_overwrite_the_model_or_without_audio()
    {
        string audio = Songs(2);
        string output = Path.Combine(_folder, "tiny.int8.onnx");
        Assert.Equal(0, (await CliRunner.RunAsync("quantize", audio, "--model", TinyModel, "--out", output)).ExitCode);

        var twice = await CliRunner.RunAsync("quantize", audio, "--model", output, "--out", Path.Combine(_folder, "again.onnx"));
        var overwrite = await CliRunner.RunAsync("quantize", audio, "--model", output, "--out", output);
        string empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;
        var none = await CliRunner.RunAsync("quantize", empty, "--model", TinyModel, "--out", Path.Combine(_folder, "none.onnx"));

        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("already quantised", twice.Error);
        Assert.Equal(2, overwrite.ExitCode);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("no audio files", none.Error);
        Assert.False(File.Exists(Path.Combine(_folder, "none.onnx")));
    }

    [Fact]
    public async Task The_shipped_8_bit_model_is_named_without_its_folder()
    {
        string song = Path.Combine(Songs(1), Directory.GetFiles(Path.Combine(_folder, "audio1"))[0]);

        var (code, output, error) = await CliRunner.RunAsync("predict", song, "--model", "genreml-gtzan.int8.onnx", "--json");
        var missing = await CliRunner.RunAsync("predict", song, "--model", "no-such-model.onnx");

        Assert.True(code == 0, error);
        Assert.Contains("\"genre\"", output);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no-such-model.onnx", missing.Error);
    }

    private string Songs(int count)
    {
        string folder = Directory.CreateDirectory(Path.Combine(_folder, $"audio{count}")).FullName;
        for (int i = 0; i < count; i++)
        {
            string genre = DemoSongSynthesizer.Genres[i % DemoSongSynthesizer.Genres.Count];
            WavWriter.Write(Path.Combine(folder, $"{genre}{i}.wav"), DemoSongSynthesizer.Render(genre, i, seconds: 3), 22050);
        }

        return folder;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Cards compare by their JSON (records holding lists compare lists by reference).</summary>
    private sealed class CardJson : IEqualityComparer<ModelCard>
    {
        public bool Equals(ModelCard? x, ModelCard? y) => x?.ToJson() == y?.ToJson();

        public int GetHashCode(ModelCard obj) => obj.ToJson().GetHashCode(StringComparison.Ordinal);
    }
}
