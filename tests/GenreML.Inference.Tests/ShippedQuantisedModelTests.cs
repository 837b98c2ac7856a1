using GenreML.Inference.Cards;
using GenreML.Inference.Results;

namespace GenreML.Inference.Tests;

/// <summary>
/// Guards the shipped 8-bit model <c>onnx/genreml-gtzan.int8.onnx</c> (<c>genreml quantize</c> of the shipped float
/// model): same card apart from its quantisation note, which equals the committed card file, and the same answers as
/// the float model on the committed fixture clips, within the difference its card records.
/// </summary>
public sealed class ShippedQuantisedModelTests : IDisposable
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Shipped");
    private static readonly string FixtureFolder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Shipped");

    private readonly GenreClassifier _float = GenreClassifier.Open(Path.Combine(Folder, "genreml-gtzan.onnx"));
    private readonly GenreClassifier _quantised = GenreClassifier.Open(Path.Combine(Folder, "genreml-gtzan.int8.onnx"));

    public void Dispose()
    {
        _float.Dispose();
        _quantised.Dispose();
    }

    [Fact]
    public void Its_card_is_the_float_card_with_a_quantisation_note()
    {
        QuantizationInfo info = _quantised.Card.Quantization ?? throw new Xunit.Sdk.XunitException("no quantisation note");
        Assert.Equal(QuantizationInfo.Int8Qdq, info.Scheme);
        Assert.StartsWith("genreml-gtzan.onnx@", info.SourceModel);
        Assert.True(info.CalibrationClips > 0 && info.CheckedClips > 0);
        Assert.Equal(1.0, info.TopGenreAgreement);
        Assert.InRange(info.MaxProbabilityDifference, 1e-6, 0.03);
        Assert.Equal(_float.Card.ToJson(), (_quantised.Card with { Quantization = null }).ToJson());
        Assert.Equal(_quantised.Card.ToJson(), ModelCard.FromJson(File.ReadAllText(Path.Combine(Folder, "genreml-gtzan.int8.card.json"))).ToJson());
        Assert.InRange(new FileInfo(Path.Combine(Folder, "genreml-gtzan.int8.onnx")).Length, 1, new FileInfo(Path.Combine(Folder, "genreml-gtzan.onnx")).Length / 3);
    }

    public static TheoryData<string> Fixtures() => new(Directory.GetFiles(FixtureFolder).Select(Path.GetFileName).Where(f => f!.StartsWith("synth-", StringComparison.Ordinal))!);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void It_answers_the_fixtures_like_the_float_model(string file)
    {
        GenrePrediction expected = _float.Classify(Path.Combine(FixtureFolder, file));
        GenrePrediction actual = _quantised.Classify(Path.Combine(FixtureFolder, file));

        Assert.Equal(expected.Genre, actual.Genre);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.WindowCount, actual.WindowCount);
        double worst = expected.Scores.Max(s => Math.Abs(s.Probability - actual.ProbabilityOf(s.Genre)));
        Assert.True(worst > 0 && worst <= 0.03, $"{file}: largest probability difference {worst}");
    }
}
