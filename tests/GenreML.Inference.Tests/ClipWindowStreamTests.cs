using GenreML.Audio;
using GenreML.Audio.Decoding;
using GenreML.Audio.Features;
using GenreML.Audio.Resampling;
using GenreML.Inference.Answers;
using GenreML.Inference.Cards;
using GenreML.Inference.Input;
using GenreML.Inference.Results;
using GenreML.Inference.Tests.Fixtures;

namespace GenreML.Inference.Tests;

/// <summary>Streaming a clip (in one pass or two) gives the whole-clip windows, evidence and answers.</summary>
public sealed class ClipWindowStreamTests : IDisposable
{
    private readonly TestClips _clips = new();
    private readonly GenreClassifier _classifier = GenreClassifier.Open(TinyModel.Path);

    public void Dispose()
    {
        _classifier.Dispose();
        _clips.Dispose();
    }

    public static TheoryData<double, int> Clips => new() { { 0.05, 22050 }, { 0.7, 44100 }, { 3.3, 22050 }, { 2.01, 16000 } };

    [Theory]
    [MemberData(nameof(Clips))]
    public void Windows_and_evidence_equal_the_whole_clip_computation_in_one_and_in_two_passes(double seconds, int rate)
    {
        ModelCard card = _classifier.Card;
        var extractor = new LogMelExtractor(card.Features);
        var signal = new AudioSignal(TestClips.Samples("blues", seconds: seconds, sampleRate: rate), rate);
        AudioSignal atRate = Resampler.Resample(signal, card.Features.SampleRate);
        Spectrogram whole = extractor.Compute(atRate.Samples);
        float[][] expected = SpectrogramWindows.Cut(whole, card.WindowFrames, card.WindowHop);
        ClipEvidence evidence = ClipEvidence.Measure(atRate.Samples, atRate.SampleRate, whole);
        foreach (long keep in new[] { LogMelStream.KeepBytes, 0L })
        {
            using var clip = new ClipWindowStream(
                LogMelStream.Open(extractor, () => MonoAudioSource.FromSignal(signal), keepBytes: keep), card.WindowFrames, card.WindowHop);
            Assert.Equal(keep > 0, clip.SinglePass);
            Assert.Equal(expected.Length, clip.WindowCount);
            Assert.False(clip.HasEvidence);
            Assert.Equal(expected, clip.Windows().ToArray());
            Assert.Equal(evidence.Seconds, clip.Evidence.Seconds);
            Assert.Equal(evidence.LevelDbfs, clip.Evidence.LevelDbfs);
            Assert.Equal(evidence.Spectral, clip.Evidence.Spectral);
        }
    }

    [Fact]
    public void Files_signals_and_one_way_streams_read_twice_give_the_answers_of_one_pass()
    {
        string path = _clips.Wav("rock");
        using var twice = GenreClassifier.Open(TinyModel.Path, new GenreClassifierOptions { SinglePassBytes = 0, IncludeWindows = true });
        using var once = GenreClassifier.Open(TinyModel.Path, new GenreClassifierOptions { IncludeWindows = true });
        GenrePrediction expected = once.Classify(path);
        var signal = new AudioSignal(TestClips.Samples("rock", sampleRate: 44100), 44100);
        using var pipe = new ForwardOnlyStream(File.ReadAllBytes(path));
        foreach (GenrePrediction actual in new[] { twice.Classify(path), twice.Classify(pipe, "rock.wav") })
        {
            Assert.Equal(expected.Scores, actual.Scores);
            Assert.Equal(expected.Status, actual.Status);
            Assert.Equal(expected.NotMusicScore, actual.NotMusicScore);
            Assert.Equal(expected.Windows!.Select(w => w.Probabilities), actual.Windows!.Select(w => w.Probabilities));
        }

        Assert.Equal(once.Classify(signal).Scores, twice.Classify(signal).Scores);
    }

    [Fact]
    public void The_classifier_scores_the_windows_the_whole_clip_gives()
    {
        string path = _clips.Wav("metal");
        Spectrogram whole = new ClipFeaturizer(_classifier.Card.Features).Featurize(path);
        float[][] expected = _classifier.PredictWindows(SpectrogramWindows.Cut(whole, _classifier.Card.WindowFrames, _classifier.Card.WindowHop));

        Assert.Equal(expected, _classifier.Examine(path).WindowProbabilities);
    }
}
