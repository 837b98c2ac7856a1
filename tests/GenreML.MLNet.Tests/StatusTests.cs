using GenreML.Audio.Decoding;
using GenreML.Inference.Answers;
using GenreML.Inference.Batch;
using GenreML.MLNet.Results;
using GenreML.MLNet.Data;
using GenreML.MLNet.Evaluation;
using GenreML.MLNet.Scoring;
using Microsoft.ML;

namespace GenreML.MLNet.Tests;

/// <summary>The ML.NET path gives every clip the same status and calibrated probabilities as the embeddable classifier.</summary>
public sealed class StatusTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void Silence_a_50_ms_clip_and_a_song_get_their_status_in_the_status_column()
    {
        using var audio = new TestAudio();
        string silence = Path.Combine(audio.Root, "silence.wav");
        WavWriter.Write(silence, new float[22050 * 3], 22050);
        string blip = audio.AddClip("blip.wav", "rock", 0, seconds: 0.05);
        string song = audio.AddClip("song.wav", "metal", 0, seconds: 3);
        using GenreScoringTransformer scorer = _ml.Transforms.ScoreGenres(TestAudio.TinyModel);

        var predictions = GenrePredictions.Read(scorer.Transform(_ml.Data.LoadFromAudioFiles([silence, blip, song]))).Select(o => o.Prediction!).ToList();

        Assert.Equal([ResultStatus.Silence, ResultStatus.TooShort, ResultStatus.Ok], predictions.Select(p => p.Status));
        Assert.All(predictions, p => Assert.Equal(1.0, p.Scores.Sum(s => s.Probability), 4));
        Assert.All(predictions, p => Assert.False(string.IsNullOrEmpty(p.Genre)));
    }

    [Fact]
    public void The_minimum_confidence_option_makes_a_song_uncertain()
    {
        using var audio = new TestAudio();
        string song = audio.AddClip("song.wav", "pop", 0, seconds: 3);
        using GenreScoringTransformer scorer = _ml.Transforms.ScoreGenres(new GenreScoringOptions { ModelPath = TestAudio.TinyModel, MinConfidence = 1 });

        ClassificationOutcome outcome = GenrePredictions.Read(scorer.Transform(_ml.Data.LoadFromAudioFiles([song]))).Single();

        Assert.Equal(ResultStatus.Uncertain, outcome.Prediction!.Status);
    }

    [Fact]
    public void Evaluation_reports_calibration_error_brier_coverage_and_the_curve()
    {
        using var audio = new TestAudio();
        foreach (string genre in new[] { "metal", "jazz", "pop", "rock" })
        {
            audio.AddClip(Path.Combine(genre, genre + ".wav"), genre, 0, seconds: 3);
        }

        using GenreScoringTransformer scorer = _ml.Transforms.ScoreGenres(TestAudio.TinyModel);
        GenreEvaluationResult result = _ml.MulticlassClassification.EvaluateGenres(scorer.Transform(_ml.Data.LoadFromAudioFolder(audio.Root)));

        AnswerQuality answers = result.Answers!;
        Assert.InRange(answers.ExpectedCalibrationError, 0, 1);
        Assert.InRange(answers.Brier, 0, 2);
        Assert.Equal(4, answers.Statuses.Values.Sum());
        Assert.Equal(1.0, answers.Curve[0].Coverage);
        Assert.Equal(result.MicroAccuracy, answers.Curve[0].Accuracy, 6);
        Assert.Contains("expected calibration error", EvaluationMarkdown.MetricsTable(result));
    }
}
