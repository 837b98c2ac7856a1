using GenreML.MLNet.Heads;

namespace GenreML.MLNet.Tests;

/// <summary>The ML.NET head on toy embeddings whose right answer is known.</summary>
public sealed class HeadTrainerTests
{
    private static readonly string[] Labels = ["a", "b", "c"];

    [Fact]
    public void The_head_learns_a_separable_problem_carried_by_a_value_a_million_times_smaller_than_the_others()
    {
        EmbeddedClips train = Toy(perLabel: 12, seed: 1);
        EmbeddedClips test = Toy(perLabel: 10, seed: 2);

        LinearHead head = HeadTrainer.Train(train);

        Assert.Equal(Labels, head.Labels);
        Assert.Contains(head.L2, HeadTrainer.L2Candidates);
        Assert.True(Accuracy(head, train) == 1, $"training accuracy {Accuracy(head, train):P0}");
        Assert.True(Accuracy(head, test) >= 0.95, $"test accuracy {Accuracy(head, test):P0}");
    }

    [Fact]
    public void Cross_validation_reports_the_chosen_L2_and_every_held_out_clip()
    {
        EmbeddedClips data = Toy(perLabel: 16, seed: 3);

        HeadCrossValidation cv = HeadTrainer.CrossValidate(data, grouped: false, folds: 4)!;

        Assert.Equal(HeadTrainer.ChooseL2(data, folds: 4), cv.L2);
        Assert.Equal(data.Clips.Count, cv.Confusion.Cast<int>().Sum());
        Assert.True(cv.MicroAccuracy >= 0.9, $"cross-validated accuracy {cv.MicroAccuracy:P0}");
    }

    [Fact]
    public void The_same_clips_give_the_same_head()
    {
        EmbeddedClips data = Toy(perLabel: 6, seed: 4);

        Assert.Equal(HeadTrainer.Train(data).Weights, HeadTrainer.Train(data).Weights);
    }

    /// <summary>
    /// Embeddings of 6 values: value 0 tells the label (centres −1, 0, +1 times 1e-4, spread 2e-5), the others are noise
    /// with spreads up to 100 and offsets up to 50, as unstandardised pooled features can be.
    /// </summary>
    private static EmbeddedClips Toy(int perLabel, int seed)
    {
        var random = new Random(seed);
        var clips = new List<LabelledClip>();
        var embeddings = new List<float[]>();
        for (int label = 0; label < Labels.Length; label++)
        {
            for (int i = 0; i < perLabel; i++)
            {
                float Noise(double spread) => (float)((random.NextDouble() - 0.5) * 2 * spread);
                embeddings.Add([(float)((label - 1) * 1e-4) + Noise(2e-5), 50 + Noise(100), Noise(10), 5 + Noise(1), Noise(30), Noise(0.5)]);
                clips.Add(new LabelledClip($"/toy/{Labels[label]}/{seed}-{i}.wav", Labels[label], $"/toy/{Labels[label]}/{seed}-{i}.wav"));
            }
        }

        return new EmbeddedClips(clips, embeddings, []);
    }

    private static double Accuracy(LinearHead head, EmbeddedClips data) =>
        data.Clips.Zip(data.Embeddings).Count(p =>
        {
            float[] probabilities = head.Predict(p.Second);
            return head.Labels[Array.IndexOf(probabilities, probabilities.Max())] == p.First.Label;
        }) / (double)data.Clips.Count;
}
