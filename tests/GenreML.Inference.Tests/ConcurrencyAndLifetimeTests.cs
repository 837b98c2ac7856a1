using GenreML.Inference.Batch;
using GenreML.Inference.Results;
using GenreML.Inference.Tests.Fixtures;

namespace GenreML.Inference.Tests;

public sealed class ConcurrencyAndLifetimeTests : IDisposable
{
    private static readonly string[] Genres = ["blues", "country", "jazz", "metal"];
    private readonly TestClips _clips = new();
    private readonly GenreClassifier _classifier = GenreClassifier.Open(TinyModel.Path);

    public void Dispose()
    {
        _classifier.Dispose();
        _clips.Dispose();
    }

    [Fact]
    public void Parallel_callers_get_the_same_answers_as_sequential_ones()
    {
        string[] paths = Genres.Select(g => _clips.Wav(g, seconds: 3)).ToArray();
        GenrePrediction[] sequential = paths.Select(p => _classifier.Classify(p)).ToArray();

        var parallel = new GenrePrediction[paths.Length * 3];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = _classifier.Classify(paths[i % paths.Length]));

        for (int i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(sequential[i % paths.Length].Scores, parallel[i].Scores);
        }
    }

    [Fact]
    public void A_batch_gives_the_single_file_answers_and_reports_bad_files_without_stopping()
    {
        string missing = Path.Combine(_clips.Folder, "missing.wav");
        string garbage = _clips.File("garbage.au", "not audio at all, just text"u8.ToArray());
        string[] good = Genres.Select(g => _clips.Wav(g, seconds: 3)).ToArray();
        string[] paths = [good[0], missing, good[1], garbage, good[2], good[3]];

        IReadOnlyList<ClassificationOutcome> outcomes = _classifier.ClassifyMany(paths, new BatchOptions { MaxDegreeOfParallelism = 2, WindowBatchSize = 8 });

        Assert.Equal(paths, outcomes.Select(o => o.Path));
        foreach (ClassificationOutcome outcome in outcomes.Where(o => o.Path == missing || o.Path == garbage))
        {
            Assert.False(outcome.Succeeded);
            Assert.Null(outcome.Prediction);
            Assert.Contains(outcome.Path, outcome.Error);
            Assert.NotNull(outcome.Exception);
        }

        foreach (ClassificationOutcome outcome in outcomes.Where(o => good.Contains(o.Path)))
        {
            Assert.True(outcome.Succeeded, outcome.Error);
            GenrePrediction single = _classifier.Classify(outcome.Path);
            for (int c = 0; c < single.Scores.Count; c++)
            {
                Assert.Equal(single.Scores[c].Genre, outcome.Prediction!.Scores[c].Genre);
                Assert.Equal(single.Scores[c].Probability, outcome.Prediction.Scores[c].Probability, 6);
            }
        }
    }

    [Fact]
    public void Bad_batch_options_are_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => _classifier.ClassifyMany([], new BatchOptions { MaxDegreeOfParallelism = 0 }));
        Assert.Contains("MaxDegreeOfParallelism", error.Message);
        Assert.Empty(_classifier.ClassifyMany([]));
    }

    [Fact]
    public void A_cancelled_token_stops_single_and_batch_calls()
    {
        string path = _clips.Wav("blues", seconds: 2);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => _classifier.Classify(path, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => _classifier.Classify(TestClips.Samples("blues"), 22050, cancellationToken: cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => _classifier.ClassifyMany([path, path], cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Cancelling_during_a_batch_stops_it_and_progress_reports_each_finished_file()
    {
        string[] paths = Enumerable.Range(0, 20).Select(i => _clips.Wav("pop", variant: i, seconds: 1)).ToArray();
        using var source = new CancellationTokenSource();
        var finished = new List<ClassificationOutcome>();
        var options = new BatchOptions
        {
            MaxDegreeOfParallelism = 1,
            Completed = outcome =>
            {
                finished.Add(outcome);
                if (finished.Count == 2)
                {
                    source.Cancel();
                }
            },
        };

        Assert.ThrowsAny<OperationCanceledException>(() => _classifier.ClassifyMany(paths, options, source.Token));

        Assert.Equal(2, finished.Count);
        Assert.All(finished, outcome => Assert.True(outcome.Succeeded));
    }

    [Fact]
    public void A_disposed_classifier_refuses_work_and_disposing_twice_is_harmless()
    {
        var classifier = GenreClassifier.Open(TinyModel.Path);
        classifier.Dispose();
        classifier.Dispose();

        Assert.Throws<ObjectDisposedException>(() => classifier.Classify(new float[22050], 22050));
        Assert.Throws<ObjectDisposedException>(() => classifier.PredictWindows([new float[32 * 64]]));
        Assert.Throws<ObjectDisposedException>(() => classifier.ClassifyMany(["a.wav"]));
    }
}
