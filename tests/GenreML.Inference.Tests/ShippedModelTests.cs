using System.Text.Json;
using GenreML.Audio.Features;
using GenreML.Inference.Cards;
using GenreML.Inference.Results;

namespace GenreML.Inference.Tests;

/// <summary>
/// Guards the shipped model <c>onnx/genreml-gtzan.onnx</c>: it loads, its card is complete and equals the
/// committed card file, and it classifies the committed fixture clips exactly as recorded in
/// <c>Fixtures/Shipped/expected.json</c> (written by <c>Fixtures/Shipped/record.sh</c>), so a change of the
/// model or of the front end shows up here.
/// </summary>
public sealed class ShippedModelTests : IDisposable
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Shipped");
    private static readonly string ModelPath = Path.Combine(Folder, "genreml-gtzan.onnx");
    private static readonly string FixtureFolder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Shipped");
    private static readonly string[] Gtzan = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"];

    private readonly GenreClassifier _classifier = GenreClassifier.Open(ModelPath);

    public void Dispose() => _classifier.Dispose();

    [Fact]
    public void The_model_file_is_under_20_MB()
    {
        Assert.InRange(new FileInfo(ModelPath).Length, 1, 20L * 1024 * 1024 - 1);
    }

    [Fact]
    public void Its_card_is_complete_and_matches_the_card_file()
    {
        ModelCard card = _classifier.Card;
        Assert.Equal(Gtzan, card.Labels);
        Assert.Equal(LogMelOptions.Librosa with { DbReference = DbReference.Max }, card.Features);
        Assert.Equal("default", card.Architecture);
        Assert.True(card.WindowFrames > 0 && card.WindowHop > 0);
        Assert.True(card.Normalization.Std > 0);
        Assert.Empty(_classifier.Warnings);

        TrainingProvenance provenance = card.Provenance ?? throw new Xunit.Sdk.XunitException("no provenance");
        Assert.Contains("gtzan-dev", provenance.Data);
        Assert.False(string.IsNullOrWhiteSpace(provenance.Split));
        Assert.StartsWith("genreml train", provenance.Command);
        Assert.False(string.IsNullOrWhiteSpace(provenance.Commit));
        Assert.False(string.IsNullOrWhiteSpace(provenance.CreatedUtc));
        Assert.True(provenance.Epochs > 0);
        Assert.Equal(Gtzan, provenance.TrainCounts!.Keys.Order());
        Assert.All(provenance.TrainCounts.Values, n => Assert.True(n > 0));

        ModelCard file = ModelCard.FromJson(File.ReadAllText(Path.Combine(Folder, "genreml-gtzan.card.json")), "genreml-gtzan.card.json");
        Assert.Equal(card.ToJson(), file.ToJson());
    }

    public static TheoryData<string> Fixtures() => new(Recorded().Keys.Order());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void It_classifies_the_committed_fixtures_as_recorded(string file)
    {
        Recording expected = Recorded()[file];
        GenrePrediction prediction = _classifier.Classify(Path.Combine(FixtureFolder, file));

        Assert.Equal(expected.Genre, prediction.Genre);
        Assert.Equal(expected.Status, prediction.Status);
        Assert.Equal(expected.Windows, prediction.WindowCount);
        foreach (var (genre, probability) in expected.Probabilities)
        {
            Assert.True(Math.Abs(probability - prediction.ProbabilityOf(genre)) < 1e-4,
                $"{file}: P({genre}) = {prediction.ProbabilityOf(genre)}, recorded {probability}");
        }
    }

    [Fact]
    public void Its_card_carries_a_temperature_a_minimum_confidence_and_a_not_music_check()
    {
        CalibrationSettings calibration = _classifier.Card.Calibration ?? throw new Xunit.Sdk.XunitException("the shipped card is not calibrated");
        Assert.NotEqual(1.0, calibration.Temperature);
        Assert.NotNull(calibration.NotMusic);
        Assert.False(string.IsNullOrWhiteSpace(calibration.FittedOn));
    }

    [Fact]
    public void Noise_and_synthesized_speech_are_not_music()
    {
        var random = new Random(3);
        float[] noise = Enumerable.Range(0, 22050 * 10).Select(_ => (float)(random.NextDouble() - 0.5) * 0.5f).ToArray();
        Assert.Equal(Answers.ResultStatus.NotMusic, _classifier.Classify(noise, 22050).Status);
        Assert.Equal(Answers.ResultStatus.NotMusic, _classifier.Classify(Path.Combine(AppContext.BaseDirectory, "Audio", "speech-en-espeak.wav")).Status);
    }

    [Fact]
    public void It_embeds_a_clip_as_the_mean_of_its_window_features()
    {
        string file = Recorded().Keys.Order().First();
        Assert.Equal(192, _classifier.EmbeddingWidth);
        float[] embedding = _classifier.Embed(Path.Combine(FixtureFolder, file));
        Assert.Equal(192, embedding.Length);
        Assert.All(embedding, v => Assert.True(float.IsFinite(v) && v >= 0, $"{v} is not a pooled ReLU feature"));
        Assert.Contains(embedding, v => v > 0);
    }

    private static Dictionary<string, Recording> Recorded()
    {
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        var recordings = JsonSerializer.Deserialize<Recording[]>(File.ReadAllText(Path.Combine(FixtureFolder, "expected.json")), options)
            ?? throw new InvalidDataException("expected.json is empty");
        return recordings.ToDictionary(r => r.Path);
    }

    // The fields of 'predict --json' that the test checks; Path is the bare file name (record.sh runs in this folder).
    private sealed record Recording(string Path, string Status, string Genre, int Windows, Dictionary<string, float> Probabilities);
}
