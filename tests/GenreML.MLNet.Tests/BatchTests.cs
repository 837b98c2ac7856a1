using GenreML.Inference.Batch;
using GenreML.Inference.Results;
using GenreML.MLNet.Results;
using GenreML.MLNet.Data;
using GenreML.MLNet.Scoring;
using GenreML.Testing;
using Microsoft.ML;

namespace GenreML.MLNet.Tests;

public sealed class BatchTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void A_file_that_cannot_be_decoded_yields_an_error_row_and_the_rest_go_on()
    {
        using var audio = new TestAudio();
        string first = audio.AddClip("a.wav", "metal", 0, seconds: 2);
        string broken = audio.AddBroken("b.wav");
        string missing = Path.Combine(audio.Root, "gone.wav");
        string last = audio.AddClip("c.wav", "country", 1, seconds: 2);
        using GenreScoringTransformer scorer = _ml.Transforms.ScoreGenres(TestAudio.TinyModel);

        List<ClassificationOutcome> predictions = GenrePredictions.Read(scorer.Transform(_ml.Data.LoadFromAudioFiles([first, broken, missing, last]))).ToList();

        Assert.Equal([first, broken, missing, last], predictions.Select(p => p.Path));
        Assert.Equal([true, false, false, true], predictions.Select(p => p.Succeeded));
        Assert.False(string.IsNullOrWhiteSpace(predictions[1].Error));
        Assert.False(string.IsNullOrWhiteSpace(predictions[2].Error));
        GenrePrediction ok = predictions[0].Prediction!;
        Assert.Equal(10, ok.Scores.Count);
        Assert.Equal(ok.Genre, ok.Scores[0].Genre);
        Assert.Equal(ok.Confidence, ok.Scores[0].Probability);
        Assert.True(ok.Scores.Zip(ok.Scores.Skip(1)).All(pair => pair.First.Probability >= pair.Second.Probability));
        Assert.Equal(2.0, ok.Duration.TotalSeconds, 2);
        Assert.True(ok.WindowCount > 0);
    }

    [Fact]
    public void Parallel_featurisation_gives_the_serial_results_in_the_same_order()
    {
        using var audio = new TestAudio();
        audio.AddLabelled(["hiphop", "jazz", "blues"], perGenre: 2, seconds: 2);
        audio.AddBroken("jazz/zz.wav");
        IDataView source = _ml.Data.LoadFromAudioFolder(audio.Root);
        using GenreScoringTransformer serial = _ml.Transforms.ScoreGenres(TestAudio.TinyModel, threads: 1);
        using GenreScoringTransformer parallel = _ml.Transforms.ScoreGenres(TestAudio.TinyModel, threads: 3);

        var expected = ScoredClipReader.Read(serial.Transform(source)).ToList();
        var actual = ScoredClipReader.Read(parallel.Transform(source)).ToList();

        Assert.Equal(expected.Select(c => (c.Path, c.Label, c.PredictedLabel, c.Error)), actual.Select(c => (c.Path, c.Label, c.PredictedLabel, c.Error)));
        Assert.Equal(expected.SelectMany(c => c.Score), actual.SelectMany(c => c.Score));
    }

    [Theory]
    [InlineData("results.csv")]
    [InlineData("results.jsonl")]
    public void Results_file_is_written_atomically_with_one_line_per_file(string name)
    {
        using var audio = new TestAudio();
        string target = Path.Combine(audio.Root, "out", name);
        ClassificationOutcome[] predictions =
        [
            new()
            {
                Path = "/m/a, b.wav",
                Prediction = new GenrePrediction
                {
                    Status = "ok", Genre = "rock", Confidence = 0.5f, Scores = [new("rock", 0.5f), new("pop", 0.25f), new("jazz", 0.25f)], Duration = TimeSpan.FromSeconds(30), WindowCount = 10,
                },
            },
            new() { Path = "/m/c.wav", Error = "not audio" },
        ];

        int written = PredictionFileWriter.Write(target, predictions, top: 2);

        string[] lines = File.ReadAllLines(target);
        Assert.Equal(2, written);
        Assert.Equal(name.EndsWith(".csv", StringComparison.Ordinal) ? 3 : 2, lines.Length);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(target)!));
        if (name.EndsWith(".csv", StringComparison.Ordinal))
        {
            Assert.Equal("\"/m/a, b.wav\",ok,rock,0.5,rock;pop,0.5;0.25,30,", lines[1]);
            Assert.Equal("/m/c.wav,,,,,,0,not audio", lines[2]);
        }
        else
        {
            Assert.Contains("\"error\":\"not audio\"", lines[1]);
        }
    }

    [Fact]
    public void Unknown_results_extension_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => PredictionFileWriter.FormatOf("out.xlsx"));
        Assert.Contains(".xlsx", error.Message);
    }

    [Fact]
    public void Real_gtzan_samples_are_scored_when_the_shared_data_is_present()
    {
        if (SharedData.Samples is not { } samples)
        {
            Console.WriteLine("Shared GTZAN samples absent: skipped.");
            return;
        }

        using GenreScoringTransformer scorer = _ml.Transforms.ScoreGenres(TestAudio.TinyModel);

        List<ClassificationOutcome> predictions = GenrePredictions.Read(scorer.Transform(_ml.Data.LoadFromAudioFiles([samples]))).ToList();

        Assert.NotEmpty(predictions);
        Assert.All(predictions, p => Assert.True(p.Succeeded, $"{p.Path}: {p.Error}"));
        Assert.All(predictions, p => Assert.InRange(p.Prediction!.Duration.TotalSeconds, 29, 31));
    }
}
