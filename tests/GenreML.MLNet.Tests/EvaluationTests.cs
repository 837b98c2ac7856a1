using GenreML.Core.Evaluation;
using GenreML.MLNet.Data;
using GenreML.MLNet.Evaluation;
using GenreML.MLNet.Scoring;
using Microsoft.ML;

namespace GenreML.MLNet.Tests;

public sealed class EvaluationTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void Evaluates_scored_clips_with_mlnet_and_records_failures()
    {
        using var audio = new TestAudio();
        audio.AddLabelled(["blues", "pop", "rock"], perGenre: 2, seconds: 2);
        string broken = audio.AddBroken("jazz/broken.wav");
        using GenreScoringTransformer scorer = _ml.Transforms.ScoreGenres(TestAudio.TinyModel);
        var progress = new List<int>();

        GenreEvaluationResult result = _ml.MulticlassClassification.EvaluateGenres(
            scorer.Transform(_ml.Data.LoadFromAudioFolder(audio.Root)), progress: new SyncProgress(progress));

        Assert.Equal(6, result.Clips);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], progress);
        ClipFailure failure = Assert.Single(result.Failures);
        Assert.Equal(broken, failure.Path);
        Assert.Equal(10, result.ConfusionMatrix.Count);
        Assert.Equal(6, result.ConfusionMatrix.Sum(row => row.Sum()));
        Assert.Equal([2, 2, 2], new[] { "blues", "pop", "rock" }.Select(g => result.PerClass.Single(c => c.Label == g).Support));
        Assert.InRange(result.MicroAccuracy, 0, 1);
        Assert.InRange(result.TopKAccuracy, result.MicroAccuracy, 1);
        Assert.Equal(3, result.TopK);
        Assert.True(result.LogLoss > 0);

        GenreEvaluationResult copy = GenreEvaluationResult.FromJson(result.ToJson());
        Assert.Equal(result.MicroAccuracy, copy.MicroAccuracy);
        Assert.Equal(result.ConfusionMatrix.SelectMany(r => r), copy.ConfusionMatrix.SelectMany(r => r));
    }

    [Fact]
    public void Markdown_shows_metrics_confusion_matrix_and_failures()
    {
        var result = new GenreEvaluationResult
        {
            Labels = ["a", "b"],
            Clips = 3,
            MicroAccuracy = 2.0 / 3,
            MacroAccuracy = 0.75,
            MacroF1 = 2.0 / 3,
            LogLoss = 0.5,
            LogLossReduction = 0.2,
            TopK = 2,
            TopKAccuracy = 1,
            PerClass = [new ClassMetrics("a", 1, 0.5, 2.0 / 3, 2) { LogLoss = 0.6 }, new ClassMetrics("b", 0.5, 1, 2.0 / 3, 1) { LogLoss = 0.3 }],
            ConfusionMatrix = [[1, 1], [0, 1]],
            Failures = [new ClipFailure("/x/c.wav", "not audio")],
        };

        string report = EvaluationMarkdown.Report(result);

        Assert.Contains("| accuracy (micro) | 0.667 |", report);
        Assert.Contains("| macro F1 | 0.667 |", report);
        Assert.Contains("| a | **1** | 1 | 2 | 0.500 |", report);
        Assert.Contains("| b | 0 | **1** | 1 | 1.000 |", report);
        Assert.Contains("- `/x/c.wav`: not audio", report);
    }

    [Fact]
    public void Unknown_genre_folder_is_an_error_naming_file_and_label()
    {
        using var audio = new TestAudio();
        audio.AddClip("polka/p.wav", "pop", 0, seconds: 1);
        using GenreScoringTransformer scorer = _ml.Transforms.ScoreGenres(TestAudio.TinyModel);

        var error = Assert.Throws<InvalidDataException>(() =>
            _ml.MulticlassClassification.EvaluateGenres(scorer.Transform(_ml.Data.LoadFromAudioFolder(audio.Root))));

        Assert.Contains("p.wav", error.Message);
        Assert.Contains("'polka'", error.Message);
    }

    [Fact]
    public void Unlabelled_scores_cannot_be_evaluated()
    {
        using var audio = new TestAudio();
        string clip = audio.AddClip("a.wav", "pop", 0, seconds: 1);
        using GenreScoringTransformer scorer = _ml.Transforms.ScoreGenres(TestAudio.TinyModel);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            _ml.MulticlassClassification.EvaluateGenres(scorer.Transform(_ml.Data.LoadFromAudioFiles([clip]))));

        Assert.Contains("'Label' not found", error.Message);
    }

    /// <summary>Progress&lt;T&gt; reports on the thread pool; this one records synchronously.</summary>
    private sealed class SyncProgress(List<int> seen) : IProgress<int>
    {
        public void Report(int value) => seen.Add(value);
    }
}
