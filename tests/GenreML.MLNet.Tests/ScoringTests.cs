using GenreML.MLNet.Data;
using GenreML.MLNet.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GenreML.MLNet.Tests;

public sealed class ScoringTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void Scores_one_row_per_clip_with_mean_probabilities_and_key_label()
    {
        using var audio = new TestAudio();
        audio.AddLabelled(["blues", "metal"], perGenre: 2, seconds: 3);
        IDataView source = _ml.Data.LoadFromAudioFolder(audio.Root);
        using GenreScoringTransformer scorer = _ml.Transforms.ScoreGenres(TestAudio.TinyModel);

        IDataView scored = scorer.Transform(source);
        var rows = ScoredRows.Read(scored);

        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal("", r.Error));
        Assert.All(rows, r => Assert.Equal(1f, r.Score.Sum(), 4));
        Assert.Equal([1u, 1u, 7u, 7u], rows.Select(r => r.Label));
        Assert.All(rows, r => Assert.Equal(Array.IndexOf(r.Score, r.Score.Max()) + 1, (int)r.PredictedLabel));
        Assert.All(rows, r => Assert.Equal(3.0, r.Duration, 2));
        Assert.True(scored.Schema[AudioColumns.Label].Type is KeyDataViewType { Count: 10 });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Scoring_streams_an_endless_file_list_and_stops_when_the_cursor_is_disposed(int threads)
    {
        using var audio = new TestAudio();
        string clip = audio.AddClip("a.wav", "disco", 0, seconds: 1);
        IEnumerable<string> Endless()
        {
            while (true)
            {
                yield return clip;
            }
        }

        using GenreScoringTransformer scorer = _ml.Transforms.ScoreGenres(TestAudio.TinyModel, threads);
        IDataView scored = scorer.Transform(_ml.Data.LoadFromAudioFiles(Endless()));

        List<ScoredClip> first = ScoredClipReader.Read(scored).Take(5).ToList();

        Assert.Equal(5, first.Count);
        Assert.All(first, c => Assert.Equal(first[0].Score, c.Score));
    }
}
