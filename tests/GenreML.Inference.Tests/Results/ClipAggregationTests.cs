using GenreML.Inference.Results;

namespace GenreML.Inference.Tests.Results;

public sealed class ClipAggregationTests
{
    [Fact]
    public void The_clip_is_the_mean_of_its_windows()
    {
        float[] clip = ClipAggregation.Mean([[0.5f, 0.25f, 0.25f], [0.1f, 0.7f, 0.2f]]);
        Assert.Equal([0.3f, 0.475f, 0.225f], clip);
    }

    [Fact]
    public void A_streamed_mean_equals_the_mean_of_a_list_and_starts_again_after_clear()
    {
        float[][] windows = [[0.2f, 0.8f], [0.6f, 0.4f], [0.9f, 0.1f]];
        var mean = new WindowMean(2);
        mean.Add([1f, 0f]);
        mean.Clear();
        foreach (float[] w in windows) mean.Add(w);
        var streamed = new float[2];
        mean.CopyTo(streamed);
        Assert.Equal(3, mean.Windows);
        Assert.Equal(ClipAggregation.Mean(windows), streamed);
    }

    [Fact]
    public void Ties_go_to_the_first_label()
    {
        Assert.Equal(1, ClipAggregation.ArgMax([0.1f, 0.45f, 0.45f]));
        GenreScore[] ranked = ClipAggregation.Rank(["a", "b", "c"], [0.1f, 0.45f, 0.45f]);
        Assert.Equal(["b", "c", "a"], ranked.Select(s => s.Genre));
        Assert.Equal([2, 0], ClipAggregation.TopIndices([0.3f, 0.1f, 0.6f], 2));
    }

    [Fact]
    public void Bad_inputs_are_named()
    {
        Assert.Contains("at least one window", Assert.Throws<ArgumentException>(() => ClipAggregation.Mean([])).Message);
        Assert.Contains("expected 2", Assert.Throws<ArgumentException>(() => ClipAggregation.Mean([[0.5f, 0.5f], [1f]])).Message);
        Assert.Contains("2 labels but 3 probabilities", Assert.Throws<ArgumentException>(() => ClipAggregation.Rank(["a", "b"], [0.2f, 0.3f, 0.5f])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ClipAggregation.TopIndices([0.5f, 0.5f], 3));
        Assert.Throws<InvalidOperationException>(() => new WindowMean(2).CopyTo(new float[2]));
    }
}
