using GenreML.Audio;
using GenreML.Audio.Features;
using GenreML.Inference;
using GenreML.Inference.Answers;
using GenreML.Inference.Cards;
using GenreML.Inference.Results;
using GenreML.Onnx.Building;
using GenreML.Onnx.FrontEnd;
using GenreML.Onnx.Proto;
using GenreML.Training.Export;
using Microsoft.ML.OnnxRuntime;

namespace GenreML.Training.Tests;

/// <summary>
/// Guards <c>onnx/genreml-gtzan.waveform.onnx</c>: it is exactly the shipped model composed with its front end (so it
/// cannot go stale when the shipped model is retrained), and on the committed fixture clips it gives the probabilities
/// the managed path (GenreClassifier: C# log-Mel + the window model) gives.
/// </summary>
public sealed class ShippedWaveformModelTests : IDisposable
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Shipped");
    private static readonly string WindowModel = Path.Combine(Folder, "genreml-gtzan.onnx");
    private static readonly string WaveformModel = Path.Combine(Folder, "genreml-gtzan.waveform.onnx");

    private readonly GenreClassifier _classifier = GenreClassifier.Open(WindowModel);
    private readonly InferenceSession _waveform = new(WaveformModel);
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-waveform-").FullName;

    public void Dispose()
    {
        _classifier.Dispose();
        _waveform.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void It_is_the_shipped_model_composed_with_its_front_end()
    {
        string composed = Path.Combine(_folder, "composed.onnx");
        OnnxModelExporter.ComposeClipLevel(WindowModel, composed);
        Assert.True(File.ReadAllBytes(composed).AsSpan().SequenceEqual(File.ReadAllBytes(WaveformModel)),
            "onnx/genreml-gtzan.waveform.onnx is stale: run 'dotnet run -c Release --project src/GenreML.Cli -- export --model onnx/genreml-gtzan.onnx --with-frontend' and commit it");
    }

    public static TheoryData<string> Fixtures() =>
        new(Directory.EnumerateFiles(Path.Combine(Folder, "Fixtures")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void It_classifies_the_committed_fixtures_like_the_managed_path(string name)
    {
        string file = Path.Combine(Folder, "Fixtures", name);
        AudioSignal clip = new ClipFeaturizer(_classifier.Card.Features).Load(file);   // decoded, mono, at the card's 22 050 Hz

        using var input = OrtValue.CreateTensorValueFromMemory(clip.Samples, [1, clip.Samples.Length]);
        using var runOptions = new RunOptions();
        using var outputs = _waveform.Run(runOptions, [ClipLevelModel.WaveformInput], [input], [_classifier.Card.ProbabilitiesOutput]);
        float[] probabilities = outputs[0].GetTensorDataAsSpan<float>().ToArray();

        GenrePrediction expected = _classifier.Classify(file);
        for (int k = 0; k < _classifier.Labels.Count; k++)
        {
            Assert.Equal(expected.ProbabilityOf(_classifier.Labels[k]), probabilities[k], tolerance: 1e-4);
        }
    }

    [Fact]
    public void A_model_without_a_card_or_one_already_clip_level_is_refused_by_name()
    {
        ModelProto noCard = OnnxModelFile.Read(WindowModel);
        noCard.MetadataProps.Clear();
        string bare = Path.Combine(_folder, "bare.onnx");
        OnnxModelFile.Write(noCard, bare);
        Assert.Contains("no GenreML model card", Assert.Throws<InvalidDataException>(() => OnnxModelExporter.ComposeClipLevel(bare, Path.Combine(_folder, "x.onnx"))).Message);

        var error = Assert.Throws<InvalidDataException>(() => OnnxModelExporter.ComposeClipLevel(WaveformModel, Path.Combine(_folder, "y.onnx")));
        Assert.StartsWith($"{WaveformModel}: already a clip-level model", error.Message);
        Assert.False(File.Exists(Path.Combine(_folder, "y.onnx")));
    }

    [Fact]
    public void Its_card_is_the_window_models_with_the_waveform_input()
    {
        ModelCard card = ModelCard.FromJson(OnnxModelFile.Read(WaveformModel).MetadataProps.Single(m => m.Key == ModelCard.MetadataKey).Value);
        Assert.Equal(OnnxModelExporter.ClipCardFor(_classifier.Card).ToJson(), card.ToJson());
        Assert.Equal(ClipLevelModel.WaveformInput, card.InputName);
    }

    [Fact]
    public void Its_clip_probabilities_carry_the_cards_temperature()
    {
        ModelProto model = OnnxModelFile.Read(WindowModel);
        StringStringEntryProto entry = model.MetadataProps.Single(m => m.Key == ModelCard.MetadataKey);
        ModelCard card = ModelCard.FromJson(entry.Value);
        entry.Value = (card with { Calibration = (card.Calibration ?? CalibrationSettings.Default) with { Temperature = 2.5 } }).ToJson();
        string tempered = Path.Combine(_folder, "tempered.onnx");
        string composed = Path.Combine(_folder, "tempered.waveform.onnx");
        OnnxModelFile.Write(model, tempered);
        OnnxModelExporter.ComposeClipLevel(tempered, composed);

        string file = Directory.EnumerateFiles(Path.Combine(Folder, "Fixtures")).Order(StringComparer.Ordinal).First();
        AudioSignal clip = new ClipFeaturizer(card.Features).Load(file);
        using var session = new InferenceSession(composed);
        using var input = OrtValue.CreateTensorValueFromMemory(clip.Samples, [1, clip.Samples.Length]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [ClipLevelModel.WaveformInput], [input], [card.ProbabilitiesOutput, ClipLevelModel.WindowProbabilitiesOutput]);
        float[] clipProbabilities = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        float[] windows = outputs[1].GetTensorDataAsSpan<float>().ToArray();
        int labels = card.Labels.Count;
        float[][] rows = [.. Enumerable.Range(0, windows.Length / labels).Select(w => windows.AsSpan(w * labels, labels).ToArray())];

        float[] expected = TemperatureScaling.Apply(ClipAggregation.Mean(rows), 2.5);
        float[] untempered = ClipAggregation.Mean(rows);
        Assert.True(Math.Abs(expected.Max() - untempered.Max()) > 1e-3, "the fixture must be one where the temperature changes the answer's probability");
        for (int k = 0; k < labels; k++)
        {
            Assert.Equal(expected[k], clipProbabilities[k], tolerance: 1e-5);
        }
    }
}
