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
    public void Results_file_has_one_line_per_file_and_reads_back(string name)
    {
        using var audio = new TestAudio();
        string target = Path.Combine(audio.Root, "out", name);
        ResultRecord[] records =
        [
            new(
                new ClassificationOutcome
                {
                    Path = "/m/a, b.wav",
                    Prediction = new GenrePrediction
                    {
                        Status = "ok", Genre = "rock", Confidence = 0.5f, Scores = [new("rock", 0.5f), new("pop", 0.25f), new("jazz", 0.25f)], Duration = TimeSpan.FromSeconds(30), WindowCount = 10,
                    },
                },
                new FileIdentity("/m/a, b.wav", 10, "2026-01-01T00:00:00.0000000Z", null),
                "m@1"),
            new(new ClassificationOutcome { Path = "/m/c.wav", Error = "not audio" }, new FileIdentity("/m/c.wav", 3, "2026-01-02T00:00:00.0000000Z", "ab"), "m@1"),
        ];

        using (ResultsFileWriter writer = ResultsFileWriter.Create(target, top: 2))
        {
            foreach (ResultRecord record in records)
            {
                writer.Write(record);
            }
        }

        string[] lines = File.ReadAllLines(target);
        Assert.Equal(name.EndsWith(".csv", StringComparison.Ordinal) ? 3 : 2, lines.Length);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(target)!));
        if (name.EndsWith(".csv", StringComparison.Ordinal))
        {
            Assert.Equal(ResultFields.CsvHeader, lines[0]);
            Assert.Equal("\"/m/a, b.wav\",ok,rock,0.5,rock;pop,0.5;0.25,30,,10,2026-01-01T00:00:00.0000000Z,,m@1", lines[1]);
            Assert.Equal("/m/c.wav,,,,,,,not audio,3,2026-01-02T00:00:00.0000000Z,ab,m@1", lines[2]);
        }
        else
        {
            Assert.Contains("\"error\":\"not audio\"", lines[1]);
        }

        List<ResultLine> back = ResultsFileReader.Read(target).ToList();
        Assert.Equal(records.Select(r => r.Identity), back.Select(l => l.Identity));
        Assert.Equal([false, true], back.Select(l => l.Failed));
        Assert.All(back, l => Assert.Equal("m@1", l.Model));
    }

    [Theory]
    [InlineData("results.csv")]
    [InlineData("results.jsonl")]
    public void A_torn_last_line_is_ignored_and_cut_before_appending(string name)
    {
        using var audio = new TestAudio();
        string clip = audio.AddClip("a.wav", "rock", 0, seconds: 1);
        string target = Path.Combine(audio.Root, name);
        var record = new ResultRecord(Ok(clip), FileIdentity.Of(clip), "m@1");
        using (ResultsFileWriter writer = ResultsFileWriter.Create(target))
        {
            writer.Write(record);
        }

        File.AppendAllText(target, name.EndsWith(".csv", StringComparison.Ordinal) ? "\"/m/torn" : "{\"path\":\"/m/tor");
        Assert.Single(ResultsFileReader.Read(target));
        ResumeIndex index = ResumeIndex.Load(target, "m@1", retryFailed: false);
        Assert.True(index.IsDone(clip));
        Assert.False(ResumeIndex.Load(target, "other@2", retryFailed: false).IsDone(clip));

        using (ResultsFileWriter writer = ResultsFileWriter.Append(target, index))
        {
            writer.Write(record);
        }

        Assert.Equal(2, ResultsFileReader.Read(target).Count());
        Assert.EndsWith("\n", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_file_is_not_done()
    {
        using var audio = new TestAudio();
        string clip = audio.AddClip("a.wav", "rock", 0, seconds: 1);
        string target = Path.Combine(audio.Root, "r.jsonl");
        using (ResultsFileWriter writer = ResultsFileWriter.Create(target))
        {
            writer.Write(new ResultRecord(Ok(clip), FileIdentity.Of(clip), "m@1"));
        }

        audio.AddClip("a.wav", "rock", 0, seconds: 2);
        ResumeIndex index = ResumeIndex.Load(target, "m@1", retryFailed: false);
        Assert.False(index.IsDone(clip));
        Assert.True(index.DropsLines);
    }

    private static ClassificationOutcome Ok(string path) => new()
    {
        Path = path,
        Prediction = new GenrePrediction { Status = "ok", Genre = "rock", Confidence = 0.5f, Scores = [new("rock", 0.5f), new("pop", 0.5f)], Duration = TimeSpan.FromSeconds(1), WindowCount = 1 },
    };

    [Fact]
    public void Unknown_results_extension_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => ResultsFileWriter.FormatOf("out.xlsx"));
        Assert.Contains(".xlsx", error.Message);
    }

    [SkippableFact]
    public void Real_gtzan_samples_are_scored_when_the_shared_data_is_present()
    {
        string? samples = SharedData.Samples;
        Skip.If(samples is null, "the shared GTZAN samples are absent");

        using GenreScoringTransformer scorer = _ml.Transforms.ScoreGenres(TestAudio.TinyModel);

        List<ClassificationOutcome> predictions = GenrePredictions.Read(scorer.Transform(_ml.Data.LoadFromAudioFiles([samples!]))).ToList();

        Assert.NotEmpty(predictions);
        Assert.All(predictions, p => Assert.True(p.Succeeded, $"{p.Path}: {p.Error}"));
        Assert.All(predictions, p => Assert.InRange(p.Prediction!.Duration.TotalSeconds, 29, 31));
    }
}
