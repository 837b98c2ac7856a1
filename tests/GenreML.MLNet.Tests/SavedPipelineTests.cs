using System.Diagnostics;
using System.Text.Json;
using GenreML.Inference.Cards;
using GenreML.MLNet.Data;
using GenreML.MLNet.Evaluation;
using GenreML.MLNet.Scoring;
using Microsoft.ML;

namespace GenreML.MLNet.Tests;

/// <summary>A scorer saved with <c>mlContext.Model.Save</c> loads in a fresh process and scores as before.</summary>
public sealed class SavedPipelineTests
{
    [Fact]
    public void A_saved_scorer_loads_in_a_fresh_process_and_gives_the_same_scores_statuses_and_card()
    {
        using var audio = new TestAudio();
        audio.AddLabelled(["classical", "disco", "reggae"], perGenre: 1, seconds: 4);
        audio.AddClip("rock/short.wav", "rock", 3, seconds: 0.5, sampleRate: 16000);
        audio.AddBroken("rock/broken.wav");
        string folder = Directory.CreateTempSubdirectory("genreml-saved-").FullName;
        try
        {
            string zip = Path.Combine(folder, "pipeline.zip");
            var ml = new MLContext(seed: 1);
            IDataView clips = ml.Data.LoadFromAudioFolder(audio.Root);
            List<ScoredClip> inMemory;
            GenreEvaluationResult evaluated;
            ModelCard card;
            using (GenreScoringTransformer scorer = ml.Transforms.ScoreGenres(TestAudio.TinyModel))
            {
                IDataView scored = scorer.Transform(clips);
                card = scored.Schema.GetGenreCard();
                inMemory = ScoredClipReader.Read(scored).ToList();
                evaluated = ml.MulticlassClassification.EvaluateGenres(scored);
                ml.Model.Save(scorer, clips.Schema, zip);
            }

            ITransformer loaded = new MLContext(seed: 1).AddGenreML().Model.Load(zip, out _);
            List<ScoredClip> here = ScoredClipReader.Read(loaded.Transform(clips)).ToList();
            HostResult fresh = RunHost(zip, audio.Root, folder);

            Assert.Equal(card.Labels, fresh.Labels);
            Assert.Equal(card.Features.SampleRate, fresh.SampleRate);
            Assert.Equal(card.Labels, loaded.GetOutputSchema(clips.Schema).GetGenreCard().Labels);
            Assert.Equal(5, inMemory.Count);
            Assert.Equal(inMemory.Select(c => c.Path), fresh.Clips.Select(c => c.Path));
            Assert.Equal(inMemory.Select(c => c.Path), here.Select(c => c.Path));
            for (int i = 0; i < inMemory.Count; i++)
            {
                ScoredClip expected = inMemory[i], reloaded = here[i], other = fresh.Clips[i];
                Assert.Equal(reloaded.Score, other.Score);
                Assert.Equal((reloaded.Status, reloaded.PredictedLabel, reloaded.Label, reloaded.Windows, reloaded.Error),
                    (other.Status, other.PredictedLabel, other.Label, other.Windows, other.Error));
                Assert.Equal(expected.Succeeded, other.Succeeded);
                Assert.Equal((expected.Status, expected.PredictedLabel, expected.Label, expected.Windows),
                    (other.Status, other.PredictedLabel, other.Label, other.Windows));
                Assert.Equal(expected.DurationSeconds, other.DurationSeconds, 6);
                for (int c = 0; c < card.Labels.Count; c++)
                {
                    Assert.True(expected.Succeeded ? Math.Abs(expected.Score[c] - other.Score[c]) <= 1e-5f : float.IsNaN(other.Score[c]),
                        $"{expected.Path} {card.Labels[c]}: in memory {expected.Score[c]}, fresh process {other.Score[c]}");
                }
            }

            Assert.Contains(fresh.Clips, c => !c.Succeeded && c.Path.EndsWith("broken.wav", StringComparison.Ordinal));
            var reloadedFigures = ml.MulticlassClassification.EvaluateGenres(loaded.Transform(clips));
            Assert.Equal(evaluated.MicroAccuracy, reloadedFigures.MicroAccuracy);
            Assert.Equal(evaluated.LogLoss, reloadedFigures.LogLoss, 4);
            Assert.Equal(evaluated.Clips, reloadedFigures.Clips);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_scorer_with_a_card_other_than_its_models_says_it_cannot_be_saved()
    {
        var ml = new MLContext(seed: 1);
        ModelCard card;
        using (GenreScoringTransformer plain = ml.Transforms.ScoreGenres(TestAudio.TinyModel))
        {
            card = plain.Card;
        }

        using GenreScoringTransformer scorer = ml.Transforms.ScoreGenres(new GenreScoringOptions { ModelPath = TestAudio.TinyModel, Card = card });
        using var stream = new MemoryStream();
        var error = Assert.Throws<NotSupportedException>(() => ml.Model.Save(scorer, null, stream));
        Assert.Contains("GenreScoringOptions.Card", error.Message);
    }

    [Fact]
    public void A_schema_that_is_not_scored_genres_has_no_card()
    {
        var ml = new MLContext(seed: 1);
        using var audio = new TestAudio();
        audio.AddLabelled(["disco"], perGenre: 1, seconds: 1);
        var error = Assert.Throws<InvalidOperationException>(() => ml.Data.LoadFromAudioFolder(audio.Root).Schema.GetGenreCard());
        Assert.Contains(AudioColumns.Card, error.Message);
    }

    private static HostResult RunHost(string zip, string root, string folder)
    {
        string output = Path.Combine(folder, "fresh.json");
        string host = typeof(SavedPipelineHost).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { host, "score-saved", zip, root, output })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"the fresh process exited {process.ExitCode}: {stderr}{stdout}");
        return JsonSerializer.Deserialize<HostResult>(File.ReadAllText(output), SavedPipelineHost.Json)!;
    }
}
