using GenreML.MLNet.Scoring;
using Microsoft.ML;

namespace GenreML.MLNet.Tests;

/// <summary>Windows of several clips in one ONNX Runtime run give each clip the answer it gets alone, in input order.</summary>
public sealed class CrossClipBatchTests
{
    [Theory]
    [InlineData(1, 7)]
    [InlineData(2, 1)]
    [InlineData(2, 16)]
    [InlineData(3, 64)]
    public void Batches_that_span_clips_score_every_clip_as_one_window_at_a_time(int threads, int batchSize)
    {
        using var audio = new TestAudio();
        List<string> paths = audio.AddLabelled(["classical", "metal", "jazz"], perGenre: 2, seconds: 3.5);
        paths.Insert(3, audio.AddBroken("metal/broken.wav"));
        paths.Insert(5, audio.AddClip("pop/short.wav", "pop", 1, seconds: 0.4, sampleRate: 44100));
        var ml = new MLContext(seed: 1);
        IDataView input = ml.Data.LoadFromAudioFiles(paths);
        List<ScoredClip> alone = Score(ml, input, threads: 1, batchSize: 1, singlePassBytes: Audio.Features.LogMelStream.KeepBytes);
        List<ScoredClip> batched = Score(ml, input, threads, batchSize, singlePassBytes: threads == 3 ? 0 : Audio.Features.LogMelStream.KeepBytes);

        Assert.Equal(paths, alone.Select(c => c.Path));
        Assert.Equal(paths, batched.Select(c => c.Path));
        Assert.Equal(alone.Select(c => (c.Status, c.Error, c.Windows, c.DurationSeconds, c.PredictedLabel)),
            batched.Select(c => (c.Status, c.Error, c.Windows, c.DurationSeconds, c.PredictedLabel)));
        Assert.Contains(batched, c => c.Windows > 1);
        Assert.False(batched[3].Succeeded);
        Assert.NotEmpty(batched[3].Error);
        for (int i = 0; i < alone.Count; i++)
        {
            Assert.Equal(alone[i].Score.Length, batched[i].Score.Length);
            for (int k = 0; k < alone[i].Score.Length; k++)
            {
                if (float.IsNaN(alone[i].Score[k]))
                {
                    Assert.True(float.IsNaN(batched[i].Score[k]), $"{paths[i]}: class {k}");
                }
                else
                {
                    Assert.True(Math.Abs(alone[i].Score[k] - batched[i].Score[k]) <= 1e-6, $"{paths[i]}: class {k}: {alone[i].Score[k]} vs {batched[i].Score[k]}");
                }
            }
        }
    }

    private static List<ScoredClip> Score(MLContext ml, IDataView input, int threads, int batchSize, long singlePassBytes)
    {
        using GenreScoringTransformer scorer = ml.Transforms.ScoreGenres(new GenreScoringOptions
        {
            ModelPath = TestAudio.TinyModel,
            Threads = threads,
            WindowBatchSize = batchSize,
            SinglePassBytes = singlePassBytes,
        });
        return ScoredClipReader.Read(scorer.Transform(input)).ToList();
    }
}
