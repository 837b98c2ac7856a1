using GenreML.Core.Evaluation;

namespace GenreML.Core.Tests.Evaluation;

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
        // Macro F1 over the classes true or predicted (scikit-learn's): d was predicted once and never true, so it counts with F1 0.
        Assert.Equal((0.75 + 0.5 + 0 + 0) / 4, m.MacroF1, 12);
        Assert.Equal([3, 1, 0, 0], m.Confusion[0]);
        Assert.Equal([0, 0, 0, 1], m.Confusion[2]);
        Assert.Null(m.LogLoss);
    }

    [Fact]
    public void A_class_neither_true_nor_predicted_is_left_out_of_the_macro_f1()
    {
        var m = ClassificationMetrics.Compute(["a", "b", "c"], [0, 1], [0, 1]);
        Assert.Equal(1.0, m.MacroF1, 12);
        Assert.Equal(1.0, m.BalancedAccuracy, 12);
    }

    [Fact]
    public void The_confusion_matrix_gives_the_same_figures_as_the_labels()
    {
        string[] labels = ["a", "b", "c", "d"];
        var fromLabels = ClassificationMetrics.Compute(labels, [0, 0, 0, 0, 1, 1, 2], [0, 0, 0, 1, 1, 0, 3]);
        var fromCounts = ClassificationMetrics.FromConfusion(labels, fromLabels.Confusion);
        Assert.Equal(fromLabels.MacroF1, fromCounts.MacroF1);
        Assert.Equal(fromLabels.BalancedAccuracy, fromCounts.BalancedAccuracy);
        Assert.Equal(fromLabels.Accuracy, fromCounts.Accuracy);
        Assert.Equal(fromLabels.PerClass, fromCounts.PerClass);
        Assert.Contains("confusion row 1 has 1 columns", Assert.Throws<ArgumentException>(() => ClassificationMetrics.FromConfusion(["a", "b"], [[1, 0], [1]])).Message);
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
