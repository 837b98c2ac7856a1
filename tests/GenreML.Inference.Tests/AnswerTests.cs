using GenreML.Inference.Answers;
using GenreML.Inference.Cards;
using GenreML.Inference.Results;
using GenreML.Inference.Tests.Fixtures;

namespace GenreML.Inference.Tests;

/// <summary>Calibration and result statuses through the library, with the tiny model and cards made for each case.</summary>
public sealed class AnswerTests
{
    private static readonly double[] Zeros = new double[MusicEvidence.FeatureNames.Count];
    private static readonly double[] Ones = [.. Enumerable.Repeat(1.0, MusicEvidence.FeatureNames.Count)];

    private static NotMusicModel Constant(double bias) => new()
    {
        Features = MusicEvidence.FeatureNames,
        Means = Zeros,
        Scales = Ones,
        Weights = Zeros,
        Bias = bias,
        Threshold = 0.5,
    };

    private static GenreClassifier Open(CalibrationSettings? calibration, double? minConfidence = null) =>
        GenreClassifier.Open(TinyModel.WithCard(TinyModel.Card with { Calibration = calibration }), "tiny", new GenreClassifierOptions { MinConfidence = minConfidence });

    [Fact]
    public void Temperature_scaling_keeps_the_sum_at_one_and_the_order_and_softens_above_one()
    {
        float[] p = [0.7f, 0.2f, 0.1f, 0f];
        Assert.Equal(p, TemperatureScaling.Apply(p, 1), (a, b) => Math.Abs(a - b) < 1e-6);
        float[] soft = TemperatureScaling.Apply(p, 2.5);
        Assert.Equal(1.0, soft.Sum(), 5);
        Assert.True(soft[0] < p[0] && soft[0] > soft[1] && soft[1] > soft[2]);
        Assert.Equal(0f, soft[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => TemperatureScaling.Apply(p, 0));
    }

    [Fact]
    public void Calibrated_predictions_sum_to_one_and_are_less_confident_with_a_higher_temperature()
    {
        float[] song = TestClips.Samples("metal");
        using var plain = Open(null);
        using var hot = Open(new CalibrationSettings { Temperature = 3 });
        GenrePrediction a = plain.Classify(song, 22050), b = hot.Classify(song, 22050);
        Assert.Equal(1.0, b.Scores.Sum(s => s.Probability), 4);
        Assert.Equal(a.Genre, b.Genre);
        Assert.True(b.Confidence < a.Confidence);
        Assert.Equal(ResultStatus.Ok, a.Status);
    }

    [Fact]
    public void The_calibration_round_trips_through_the_card_json_and_the_onnx_metadata()
    {
        var calibration = new CalibrationSettings { Temperature = 1.7, MinConfidence = 0.35, SilenceDbfs = -55, NotMusic = Constant(-3), FittedOn = "test" };
        ModelCard card = TinyModel.Card with { Calibration = calibration };
        Assert.Equal(card.ToJson(), ModelCard.FromJson(card.ToJson()).ToJson());
        using var classifier = GenreClassifier.Open(TinyModel.WithCard(card), "tiny");
        Assert.Equal(1.7, classifier.Card.Calibration!.Temperature);
        Assert.Equal(card.ToJson(), classifier.Card.ToJson());
    }

    [Fact]
    public void A_card_with_a_bad_temperature_or_foreign_not_music_features_is_refused_by_name()
    {
        var hot = Assert.Throws<ModelCardException>(() => Open(new CalibrationSettings { Temperature = -1 }));
        Assert.Contains("calibration.temperature", hot.Message);
        var foreign = Assert.Throws<ModelCardException>(() => Open(new CalibrationSettings { NotMusic = Constant(0) with { Features = ["other"] } }));
        Assert.Contains("calibration.notMusic.features", foreign.Message);
    }

    [Fact]
    public void Digital_silence_is_silence_and_keeps_a_top_guess()
    {
        using var classifier = Open(null);
        GenrePrediction p = classifier.Classify(new float[22050 * 4], 22050);
        Assert.Equal(ResultStatus.Silence, p.Status);
        Assert.Contains(p.Genre, classifier.Labels);
    }

    [Fact]
    public void A_clip_of_50_ms_is_too_short()
    {
        using var classifier = Open(null);
        GenrePrediction p = classifier.Classify(TestClips.Samples("jazz", seconds: 0.05), 22050);
        Assert.Equal(ResultStatus.TooShort, p.Status);
        Assert.Equal(1, p.WindowCount);
    }

    [Fact]
    public void The_not_music_check_of_the_card_decides_not_music_and_reports_its_score()
    {
        float[] song = TestClips.Samples("disco");
        using var rejecting = Open(new CalibrationSettings { NotMusic = Constant(20) });
        using var accepting = Open(new CalibrationSettings { NotMusic = Constant(-20) });
        GenrePrediction no = rejecting.Classify(song, 22050), yes = accepting.Classify(song, 22050);
        Assert.Equal(ResultStatus.NotMusic, no.Status);
        Assert.True(no.NotMusicScore > 0.99);
        Assert.Equal(ResultStatus.Ok, yes.Status);
        Assert.True(yes.NotMusicScore < 0.01);
    }

    [Fact]
    public void A_top_probability_below_the_minimum_confidence_is_uncertain_and_the_option_overrides_the_card()
    {
        float[] song = TestClips.Samples("pop");
        using var strict = Open(new CalibrationSettings { MinConfidence = 1 });
        using var overridden = Open(new CalibrationSettings { MinConfidence = 1 }, minConfidence: 0);
        Assert.Equal(ResultStatus.Uncertain, strict.Classify(song, 22050).Status);
        Assert.Equal(ResultStatus.Ok, overridden.Classify(song, 22050).Status);
    }

    [Fact]
    public void Examine_gives_the_uncalibrated_material_that_classify_decides_on()
    {
        using var classifier = Open(new CalibrationSettings { Temperature = 2 });
        using var clips = new TestClips();
        string path = clips.Wav("blues");
        ClipExamination raw = classifier.Examine(path);
        GenrePrediction p = classifier.Classify(path);
        float[] expected = TemperatureScaling.Apply(raw.ClipProbabilities, 2);
        for (int c = 0; c < expected.Length; c++)
        {
            Assert.Equal(expected[c], p.ProbabilityOf(classifier.Labels[c]), 5);
        }

        Assert.Equal(4.0, raw.Evidence.Seconds, 3);
        Assert.InRange(raw.Evidence.LevelDbfs!.Value, -40, 0);
        Assert.Equal(MusicEvidence.SpectralCount, raw.Evidence.Spectral.Count);
    }

    [Fact]
    public void Examine_gives_the_same_for_a_file_and_its_decoded_signal()
    {
        using var classifier = Open(new CalibrationSettings());
        using var clips = new TestClips();
        string path = clips.Wav("jazz");
        ClipExamination fromFile = classifier.Examine(path);
        ClipExamination fromSignal = classifier.Examine(GenreML.Audio.Decoding.AudioDecoder.Read(path));

        Assert.Equal(fromFile.ClipProbabilities, fromSignal.ClipProbabilities);
        Assert.Equal(fromFile.Evidence.Seconds, fromSignal.Evidence.Seconds);
        Assert.Throws<ArgumentException>(() => classifier.Examine(new GenreML.Audio.AudioSignal([], 22050, 1)));
    }
}
