using GenreML.MLNet.Scoring;
using Microsoft.ML;

namespace GenreML.MLNet.Tests;

/// <summary>Clips read in two passes (their windows cut as the rows are read) score exactly as clips read once.</summary>
public sealed class LongClipTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Two_passes_give_the_scores_statuses_and_windows_of_one_pass(int threads)
    {
        using var audio = new TestAudio();
        List<string> paths = audio.AddLabelled(["classical", "metal"], perGenre: 1, seconds: 7);
        paths.Add(audio.AddClip("pop/short.wav", "pop", 1, seconds: 0.4, sampleRate: 44100));
        paths.Add(audio.AddBroken("pop/broken.wav"));
        paths.Add(audio.AddClip("jazz/odd.wav", "jazz", 2, seconds: 3.3, sampleRate: 16000));
        var ml = new MLContext(seed: 1);
        List<ScoredClip> once = Score(ml, audio.Root, threads, Audio.Features.LogMelStream.KeepBytes);
        List<ScoredClip> twice = Score(ml, audio.Root, threads, 0);

        Assert.Equal(paths.Count, once.Count);
        Assert.Equal(once.Select(c => (c.Path, c.Status, c.Error, c.Windows, c.DurationSeconds, c.PredictedLabel)),
            twice.Select(c => (c.Path, c.Status, c.Error, c.Windows, c.DurationSeconds, c.PredictedLabel)));
        for (int i = 0; i < once.Count; i++)
        {
            Assert.Equal(once[i].Score, twice[i].Score);
        }

        Assert.Single(twice, c => !c.Succeeded);
    }

    private static List<ScoredClip> Score(MLContext ml, string root, int threads, long singlePassBytes)
    {
        using GenreScoringTransformer scorer = ml.Transforms.ScoreGenres(new GenreScoringOptions
        {
            ModelPath = TestAudio.TinyModel,
            Threads = threads,
            SinglePassBytes = singlePassBytes,
        });
        return ScoredClipReader.Read(scorer.Transform(ml.Data.LoadFromAudioFolder(root))).ToList();
    }
}
