using GenreML.Inference.Evaluation;

namespace GenreML.Training.Tests;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void HandComputedExample()
    {
        // truth:     a a a a b b c   (c = 1 example, d never occurs)
        // predicted: a a a b b a d
        string[] labels = ["a", "b", "c", "d"];
        var m = ClassificationMetrics.Compute(labels, [0, 0, 0, 0, 1, 1, 2], [0, 0, 0, 1, 1, 0, 3]);

        Assert.Equal(4.0 / 7, m.Accuracy, 12);
        Assert.Equal((0.75 + 0.5 + 0) / 3, m.BalancedAccuracy, 12);
        Assert.Equal(0.75, m.PerClass[0].Precision, 12);
        Assert.Equal(0.75, m.PerClass[0].Recall, 12);
        Assert.Equal(0.5, m.PerClass[1].Precision, 12);
        Assert.Equal(0.5, m.PerClass[1].F1, 12);
        Assert.Equal(0, m.PerClass[3].Precision);
        Assert.Equal(0, m.PerClass[3].Support);
        Assert.Equal((0.75 + 0.5 + 0) / 3, m.MacroF1, 12);
        Assert.Equal([3, 1, 0, 0], m.Confusion[0]);
        Assert.Equal([0, 0, 0, 1], m.Confusion[2]);
        Assert.Null(m.LogLoss);
    }

    [Fact]
    public void LogLossUsesTheTrueClassProbability()
    {
        var m = ClassificationMetrics.Compute(["a", "b"], [0, 1], [0, 0], [[0.8f, 0.2f], [0.6f, 0.4f]]);
        Assert.Equal(-(Math.Log(0.8f) + Math.Log(0.4f)) / 2, m.LogLoss!.Value, 6);
    }

    [Fact]
    public void BadInputsAreNamed()
    {
        Assert.Contains("2 true labels but 1 predictions", Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute(["a", "b"], [0, 1], [0])).Message);
        Assert.Contains("predicted index 5 at example 0", Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute(["a", "b"], [0], [5])).Message);
        Assert.Contains("probability row 0 has 1 values", Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute(["a", "b"], [0], [0], [[1f]])).Message);
    }
}
