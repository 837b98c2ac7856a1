using GenreML.Audio.Synthesis;
using GenreML.Inference;
using GenreML.MLNet.Heads;
using GenreML.MLNet.Scoring;
using GenreML.Onnx.Building;
using Microsoft.ML;

namespace GenreML.Cli.Tests;

/// <summary>
/// <c>train-head</c> and <c>embed</c> on synthetic demo clips relabelled with labels of our own choosing, on the tiny
/// test model given an embedding output (as the exporter now writes it).
/// </summary>
[Collection("console")]
public sealed class TrainHeadCommandTests : IDisposable
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");
    private static readonly Dictionary<string, string[]> OwnLabels = new()
    {
        ["calm"] = ["classical", "jazz"],
        ["loud"] = ["metal", "rock"],
        ["dance"] = ["disco", "hiphop"],
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-head-").FullName;
    private readonly string _base;
    private readonly string _data;

    public TrainHeadCommandTests()
    {
        _base = Path.Combine(_folder, "base.onnx");
        var model = OnnxModelFile.Read(TinyModel);
        Assert.True(EmbeddingOutput.TryAdd(model, "logits", "embedding", clipLevel: false, out string reason), reason);
        OnnxModelFile.Write(model, _base);

        string demo = Path.Combine(_folder, "demo");
        DemoDatasetWriter.Write(demo, clipsPerGenre: 2, seconds: 3);
        _data = Path.Combine(_folder, "own");
        foreach (var (label, genres) in OwnLabels)
        {
            Directory.CreateDirectory(Path.Combine(_data, label));
            foreach (string file in genres.SelectMany(g => Directory.GetFiles(Path.Combine(demo, g))))
            {
                File.Copy(file, Path.Combine(_data, label, Path.GetFileName(file)));
            }
        }
    }

    [Fact]
    public async Task A_head_of_own_labels_is_one_onnx_file_that_the_classifier_and_the_MLNet_scorer_read_alike()
    {
        string output = Path.Combine(_folder, "head");
        var (code, stdout, stderr) = await CliRunner.RunAsync("train-head", "--data", _data, "--base", _base, "--out", output, "--folds", "2", "--no-cache");
        Assert.True(code == 0, stderr);
        Assert.Contains("confusion matrix", stdout);
        Assert.True(File.Exists(Path.Combine(output, "report.md")));
        Assert.True(File.Exists(Path.Combine(output, "card.json")));

        string model = Path.Combine(output, "model.onnx");
        using var classifier = GenreClassifier.Open(model);
        using var baseClassifier = GenreClassifier.Open(_base);
        Assert.Equal(["calm", "dance", "loud"], classifier.Labels);
        Assert.Equal(baseClassifier.Card.Features, classifier.Card.Features);
        Assert.Equal(baseClassifier.Card.WindowFrames, classifier.Card.WindowFrames);
        Assert.Equal(baseClassifier.EmbeddingWidth, classifier.EmbeddingWidth);

        var ml = new MLContext(seed: 1);
        using var scorer = ml.Transforms.ScoreGenres(model);
        var scored = ScoredClipReader.Read(scorer.Transform(ml.Data.LoadFromAudioFolder(_data))).ToList();
        Assert.Equal(12, scored.Count);
        foreach (ScoredClip clip in scored)
        {
            var prediction = classifier.Classify(clip.Path);
            float[] expected = classifier.Labels.Select(prediction.ProbabilityOf).ToArray();
            Assert.Equal(expected, clip.Score, (a, b) => Math.Abs(a - b) <= 1e-5);
        }
    }

    [Fact]
    public void The_onnx_head_gives_the_probabilities_of_the_MLNet_head_on_the_same_embedding()
    {
        using var baseClassifier = GenreClassifier.Open(_base);
        var clips = LabelledFolder.Scan(_data);
        EmbeddedClips embedded = ClipEmbedder.Embed(baseClassifier, clips);
        LinearHead head = HeadTrainer.Train(embedded);
        string model = Path.Combine(_folder, "direct.onnx");
        Heads.HeadModelFile.Write(_base, baseClassifier.Card, head, embedded, cv: null, _data, model);

        using var classifier = GenreClassifier.Open(model);
        Assert.Equal(head.Labels, classifier.Labels);
        float[] window = Enumerable.Range(0, baseClassifier.Card.Features.MelBands * baseClassifier.Card.WindowFrames).Select(i => -40f + (20f * MathF.Sin(i * 0.01f))).ToArray();
        float[] viaOnnx = classifier.PredictWindows([window])[0];
        float[] embedding = EmbeddingOf(baseClassifier, window);
        Assert.Equal(head.Predict(embedding), viaOnnx, (a, b) => Math.Abs(a - b) <= 1e-5);
    }

    [Fact]
    public async Task Embed_writes_one_json_line_per_file_and_an_error_line_for_a_bad_one()
    {
        string good = Directory.GetFiles(Path.Combine(_data, "calm"))[0];
        string bad = Path.Combine(_folder, "broken.wav");
        await File.WriteAllBytesAsync(bad, "RIFF\u0004\0\0\0WAVE"u8.ToArray());
        string output = Path.Combine(_folder, "e.jsonl");
        var (code, _, stderr) = await CliRunner.RunAsync("embed", good, bad, "--model", _base, "--out", output);
        Assert.Equal(1, code);
        Assert.Contains("broken.wav", stderr);
        string[] lines = await File.ReadAllLinesAsync(output);
        Assert.Equal(2, lines.Length);
        using var first = System.Text.Json.JsonDocument.Parse(lines[0]);
        using var baseClassifier = GenreClassifier.Open(_base);
        Assert.Equal(baseClassifier.Embed(good), first.RootElement.GetProperty("embedding").EnumerateArray().Select(e => e.GetSingle()).ToArray());
        Assert.Contains("\"error\"", lines[1]);
    }

    [Fact]
    public async Task One_label_is_refused_with_the_reason()
    {
        foreach (string label in new[] { "loud", "dance" })
        {
            Directory.Delete(Path.Combine(_data, label), recursive: true);
        }

        var (code, _, stderr) = await CliRunner.RunAsync("train-head", "--data", _data, "--base", _base, "--out", Path.Combine(_folder, "x"), "--no-cache");
        Assert.Equal(2, code);
        Assert.Contains("at least two labels", stderr);
        Assert.Contains("'calm'", stderr);
        Assert.False(Directory.Exists(Path.Combine(_folder, "x")));
    }

    [Fact]
    public async Task A_label_with_one_clip_is_refused_naming_it()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(_data, "dance")).Skip(1))
        {
            File.Delete(file);
        }

        var (code, _, stderr) = await CliRunner.RunAsync("train-head", "--data", _data, "--base", _base, "--out", Path.Combine(_folder, "x"), "--no-cache");
        Assert.Equal(2, code);
        Assert.Contains("'dance' has only one", stderr);
    }

    [Fact]
    public async Task Audio_directly_in_the_root_is_refused_because_labels_are_folders()
    {
        File.Copy(Directory.GetFiles(Path.Combine(_data, "calm"))[0], Path.Combine(_data, "stray.wav"));
        var (code, _, stderr) = await CliRunner.RunAsync("train-head", "--data", _data, "--base", _base, "--out", Path.Combine(_folder, "x"), "--no-cache");
        Assert.Equal(2, code);
        Assert.Contains("stray.wav", stderr);
    }

    [Fact]
    public async Task An_unreadable_file_is_reported_and_the_rest_trains()
    {
        await File.WriteAllBytesAsync(Path.Combine(_data, "loud", "broken.wav"), "RIFF\u0004\0\0\0WAVE"u8.ToArray());
        string output = Path.Combine(_folder, "head");
        var (code, _, stderr) = await CliRunner.RunAsync("train-head", "--data", _data, "--base", _base, "--out", output, "--folds", "2", "--no-cache");
        Assert.Equal(1, code);
        Assert.Contains("broken.wav", stderr);
        Assert.True(File.Exists(Path.Combine(output, "model.onnx")));
    }

    [Fact]
    public async Task A_base_without_an_embedding_output_is_refused_with_the_fix()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("train-head", "--data", _data, "--base", TinyModel, "--out", Path.Combine(_folder, "x"), "--no-cache");
        Assert.Equal(2, code);
        Assert.Contains("no 'embedding' output", stderr);
    }

    private static float[] EmbeddingOf(GenreClassifier baseClassifier, float[] window)
    {
        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(baseClassifier.Source);
        using var input = Microsoft.ML.OnnxRuntime.OrtValue.CreateTensorValueFromMemory(window, [1, 1, baseClassifier.Card.Features.MelBands, baseClassifier.Card.WindowFrames]);
        using var outputs = session.Run(new Microsoft.ML.OnnxRuntime.RunOptions(), [baseClassifier.Card.InputName], [input], ["embedding"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
