using GenreML.Audio;
using GenreML.Audio.Features;
using GenreML.Inference.Results;
using GenreML.Inference.Tests.Fixtures;

namespace GenreML.Inference.Tests;

public sealed class ClassifyTests : IDisposable
{
    private readonly TestClips _clips = new();
    private readonly GenreClassifier _classifier = GenreClassifier.Open(TinyModel.Path);

    public void Dispose()
    {
        _classifier.Dispose();
        _clips.Dispose();
    }

    [Fact]
    public void A_wav_file_gives_a_ranked_distribution_over_all_labels()
    {
        GenrePrediction prediction = _classifier.Classify(_clips.Wav("metal"));

        Assert.Equal(10, prediction.Scores.Count);
        Assert.Equal(_classifier.Labels.Order(), prediction.Scores.Select(s => s.Genre).Order());
        Assert.Equal(1.0, prediction.Scores.Sum(s => s.Probability), 4);
        Assert.True(prediction.Scores.Zip(prediction.Scores.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
        Assert.Equal(prediction.Scores[0].Genre, prediction.Genre);
        Assert.Equal(prediction.Scores[0].Probability, prediction.Confidence);
        Assert.Equal(4.0, prediction.Duration.TotalSeconds, 3);
        Assert.Equal(SpectrogramWindows.Count(1 + 4 * 22050 / 512, 64, 32), prediction.WindowCount);
        Assert.Null(prediction.Windows);
        Assert.Equal(prediction.Confidence, prediction.ProbabilityOf(prediction.Genre));
    }

    [Fact]
    public void A_stream_gives_the_same_answer_as_the_file()
    {
        string path = _clips.Wav("disco");
        using var stream = File.OpenRead(path);

        Assert.Equal(_classifier.Classify(path).Scores, _classifier.Classify(stream, "disco.wav").Scores);
    }

    [Fact]
    public void A_stream_that_cannot_seek_works_too()
    {
        string path = _clips.Wav("country");
        using var stream = new ForwardOnlyStream(File.ReadAllBytes(path));

        Assert.Equal(_classifier.Classify(path).Scores, _classifier.Classify(stream, "country.wav").Scores);
    }

    [Fact]
    public void Stereo_samples_at_44100_are_downmixed_and_resampled()
    {
        float[] mono = TestClips.Samples("reggae", sampleRate: 44100);
        var stereo = new float[mono.Length * 2];
        for (int i = 0; i < mono.Length; i++)
        {
            stereo[2 * i] = mono[i];
            stereo[2 * i + 1] = mono[i];
        }

        GenrePrediction fromStereo = _classifier.Classify(stereo, 44100, channels: 2);
        GenrePrediction fromSignal = _classifier.Classify(new AudioSignal(mono, 44100));

        Assert.Equal(fromSignal.Scores, fromStereo.Scores);
        Assert.Equal(4.0, fromStereo.Duration.TotalSeconds, 3);
    }

    [Fact]
    public void Bad_raw_samples_are_rejected_with_the_reason()
    {
        Assert.Contains("whole number", Assert.Throws<ArgumentException>(() => _classifier.Classify(new float[5], 44100, channels: 2)).Message);
        Assert.Contains("no samples", Assert.Throws<ArgumentException>(() => _classifier.Classify(Array.Empty<float>(), 22050)).Message);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => _classifier.Classify([0f, float.NaN, 0f], 22050)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => _classifier.Classify(new float[10], 0));
    }

    [Fact]
    public void An_undecodable_file_throws_the_decoder_error_naming_it()
    {
        string path = _clips.File("noise.wav", "RIFF? not really"u8.ToArray());

        var error = Assert.Throws<AudioFormatException>(() => _classifier.Classify(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Per_window_predictions_cover_the_clip_in_order_and_average_to_the_clip()
    {
        using var classifier = GenreClassifier.Open(TinyModel.Path, new GenreClassifierOptions { IncludeWindows = true });

        GenrePrediction prediction = classifier.Classify(TestClips.Samples("rock", seconds: 5), 22050);

        IReadOnlyList<WindowPrediction> windows = prediction.Windows!;
        Assert.Equal(prediction.WindowCount, windows.Count);
        Assert.Equal(TimeSpan.Zero, windows[0].Start);
        Assert.Equal(prediction.Duration, windows[^1].End);
        double hopSeconds = 32 * 512 / 22050.0;
        Assert.Equal(hopSeconds, windows[1].Start.TotalSeconds, 5);
        Assert.Equal(64 * 512 / 22050.0, windows[0].End.TotalSeconds, 5);
        foreach (WindowPrediction window in windows)
        {
            Assert.Equal(window.Probabilities.Max(), window.Confidence);
            Assert.Equal(classifier.Labels[window.Probabilities.ToList().IndexOf(window.Confidence)], window.Genre);
        }

        for (int c = 0; c < classifier.Labels.Count; c++)
        {
            double mean = windows.Average(w => (double)w.Probabilities[c]);
            Assert.Equal(mean, prediction.ProbabilityOf(classifier.Labels[c]), 5);
        }
    }

    [Fact]
    public void Predict_on_a_spectrogram_and_on_windows_agree_with_classify()
    {
        float[] samples = TestClips.Samples("classical");
        var featurizer = new ClipFeaturizer(_classifier.Card.Features);
        Spectrogram spectrogram = featurizer.Compute(new AudioSignal(samples, 22050));
        float[][] windows = SpectrogramWindows.Cut(spectrogram, _classifier.Card.WindowFrames, _classifier.Card.WindowHop);

        GenrePrediction viaClassify = _classifier.Classify(samples, 22050);
        GenrePrediction viaSpectrogram = _classifier.Predict(spectrogram);
        float[][] perWindow = _classifier.PredictWindows(windows);

        Assert.Equal(viaClassify.Scores, viaSpectrogram.Scores);
        Assert.Equal(windows.Length, perWindow.Length);
        Assert.All(perWindow, row => Assert.Equal(1.0, row.Sum(), 4));
        Assert.Equal(perWindow.Average(row => (double)row[0]), viaClassify.ProbabilityOf("blues"), 5);
    }

    [Fact]
    public void Wrong_shapes_for_the_lower_level_calls_are_rejected()
    {
        var wrongBands = new Spectrogram(new float[16 * 100], 16, 100);
        Assert.Contains("16 bands", Assert.Throws<ArgumentException>(() => _classifier.Predict(wrongBands)).Message);

        var error = Assert.Throws<ArgumentException>(() => _classifier.PredictWindows([new float[32 * 64], new float[10]]));
        Assert.Contains("window 1", error.Message);
    }

    [Fact]
    public void The_window_batch_size_does_not_change_the_answer()
    {
        float[] samples = TestClips.Samples("hiphop", seconds: 6);
        using var oneByOne = GenreClassifier.Open(TinyModel.Path, new GenreClassifierOptions { WindowBatchSize = 1 });

        GenrePrediction batched = _classifier.Classify(samples, 22050);
        GenrePrediction single = oneByOne.Classify(samples, 22050);

        for (int c = 0; c < batched.Scores.Count; c++)
        {
            Assert.Equal(batched.ProbabilityOf(_classifier.Labels[c]), single.ProbabilityOf(_classifier.Labels[c]), 6);
        }
    }

    [Fact]
    public void A_clip_shorter_than_one_window_still_gets_a_prediction()
    {
        GenrePrediction prediction = _classifier.Classify(TestClips.Samples("pop", seconds: 0.5), 22050);

        Assert.Equal(1, prediction.WindowCount);
        Assert.Equal(0.5, prediction.Duration.TotalSeconds, 3);
    }

    [SkippableFact]
    public void Real_gtzan_clip_when_present()
    {
        string? path = GenreML.Testing.SharedData.Sample("blues.00029.au");
        Skip.If(path is null, "the shared GTZAN samples are absent");

        GenrePrediction prediction = _classifier.Classify(path!);

        Assert.Equal(30.0, prediction.Duration.TotalSeconds, 0);
        Assert.Equal(1.0, prediction.Scores.Sum(s => s.Probability), 4);
    }
}
