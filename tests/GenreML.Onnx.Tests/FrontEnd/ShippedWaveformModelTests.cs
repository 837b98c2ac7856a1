using GenreML.Audio;
using GenreML.Audio.Features;
using GenreML.Inference;
using GenreML.Inference.Cards;
using GenreML.Inference.Results;
using GenreML.Onnx.Building;
using GenreML.Onnx.FrontEnd;
using GenreML.Onnx.Proto;
using Google.Protobuf;

namespace GenreML.Onnx.Tests.FrontEnd;

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
    private readonly OnnxRuntimeRunner _waveform = new(File.ReadAllBytes(WaveformModel));

    public void Dispose()
    {
        _classifier.Dispose();
        _waveform.Dispose();
    }

    [Fact]
    public void It_is_the_shipped_model_composed_with_its_front_end()
    {
        byte[] composed = ClipModelComposer.Compose(OnnxModelFile.Read(WindowModel), WindowModel).ToByteArray();
        Assert.True(composed.AsSpan().SequenceEqual(File.ReadAllBytes(WaveformModel)),
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

        float[] probabilities = _waveform.Run(clip.Samples, [1, clip.Samples.Length], ClipLevelModel.WaveformInput, _classifier.Card.ProbabilitiesOutput).Values;

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
        Assert.Contains("no GenreML model card", Assert.Throws<InvalidDataException>(() => ClipModelComposer.Compose(noCard, "x.onnx")).Message);

        var clip = OnnxModelFile.Read(WaveformModel);
        var error = Assert.Throws<InvalidDataException>(() => ClipModelComposer.Compose(clip, "clip.onnx"));
        Assert.StartsWith("clip.onnx: already a clip-level model", error.Message);
    }

    [Fact]
    public void Its_card_is_the_window_models_with_the_waveform_input()
    {
        ModelCard card = ModelCard.FromJson(OnnxModelFile.Read(WaveformModel).MetadataProps.Single(m => m.Key == ModelCard.MetadataKey).Value);
        Assert.Equal(ClipLevelModel.CardFor(_classifier.Card).ToJson(), card.ToJson());
        Assert.Equal(ClipLevelModel.WaveformInput, card.InputName);
    }
}
