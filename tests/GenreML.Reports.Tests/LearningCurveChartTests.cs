using GenreML.Reports.Charts;
using GenreML.Reports.Data;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace GenreML.Reports.Tests;

public class LearningCurveChartTests
{
    [Fact]
    public void Renders_to_a_non_blank_png_of_the_default_size()
    {
        var size = LearningCurveChart.DefaultSize;
        var png = Rendering.ChartRenderer.ToPng(LearningCurveChart.Build(Fixtures.Epochs()), size);
        using var bitmap = PngAssert.DecodesWithContent(png, size.Width, size.Height);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    public void Renders_one_epoch_and_many_epochs(int count)
    {
        var size = LearningCurveChart.DefaultSize;
        var png = Rendering.ChartRenderer.ToPng(LearningCurveChart.Build(Fixtures.Epochs(count)), size);
        using var bitmap = PngAssert.DecodesWithContent(png, size.Width, size.Height);
    }

    [Fact]
    public void Has_loss_accuracy_and_learning_rate_panels_with_train_and_validation_series()
    {
        var model = LearningCurveChart.Build(Fixtures.Epochs());
        Assert.Equal(["train loss", "validation loss", "train accuracy", "validation accuracy", "learning rate"], model.Series.Select(s => s.Title));
        Assert.Equal(["Epoch", "Loss", "Accuracy", "Learning rate"], model.Axes.Select(a => a.Title));
        Assert.IsType<LogarithmicAxis>(model.Axes.Single(a => a.Key == "lr"));
    }

    [Fact]
    public void Marks_the_epoch_with_the_highest_validation_accuracy_by_default()
    {
        var model = LearningCurveChart.Build(Fixtures.Epochs());
        var markers = model.Annotations.OfType<LineAnnotation>().ToArray();
        Assert.Equal(3, markers.Length);
        Assert.All(markers, m => Assert.Equal(9, m.X));
        Assert.Contains("best epoch 9", model.Subtitle);
    }

    [Fact]
    public void A_run_without_validation_has_no_validation_series_and_marks_the_kept_epoch()
    {
        var epochs = Fixtures.Epochs(5).Select(e => e with { ValLoss = double.NaN, ValAccuracy = double.NaN }).ToArray();
        var model = LearningCurveChart.Build(epochs, bestEpoch: 5);
        Assert.Equal(["train loss", "train accuracy", "learning rate"], model.Series.Select(s => s.Title));
        Assert.Contains(model.Annotations.OfType<LineAnnotation>(), m => m.Text == "kept: epoch 5");
        Assert.Contains("kept epoch 5 (no validation)", model.Subtitle);
    }

    [Fact]
    public void Marks_the_chosen_epoch_when_given()
    {
        var model = LearningCurveChart.Build(Fixtures.Epochs(), bestEpoch: 4);
        Assert.All(model.Annotations.OfType<LineAnnotation>(), m => Assert.Equal(4, m.X));
    }

    [Fact]
    public void Unmeasured_values_become_gaps_and_a_zero_learning_rate_gets_a_linear_axis()
    {
        var epochs = Fixtures.Epochs(3).Select(e => e with { ValLoss = e.Epoch == 2 ? double.NaN : e.ValLoss, LearningRate = 0 }).ToArray();
        var model = LearningCurveChart.Build(epochs);
        var valLoss = (LineSeries)model.Series[1];
        Assert.False(valLoss.Points[1].IsDefined());
        Assert.IsType<LinearAxis>(model.Axes.Single(a => a.Key == "lr"));
        var png = Rendering.ChartRenderer.ToPng(model, LearningCurveChart.DefaultSize);
        Assert.NotEmpty(png);
    }

    [Fact]
    public void Rejects_bad_input_with_specific_messages()
    {
        Assert.Contains("at least one epoch", Assert.Throws<ArgumentException>(() => LearningCurveChart.Build([])).Message);
        var backwards = new[] { new EpochPoint(2, 1, 1, 0.5, 0.5, 1e-3), new EpochPoint(1, 1, 1, 0.5, 0.5, 1e-3) };
        Assert.Contains("strictly increasing", Assert.Throws<ArgumentException>(() => LearningCurveChart.Build(backwards)).Message);
        var negativeRate = new[] { new EpochPoint(1, 1, 1, 0.5, 0.5, -1) };
        Assert.Contains("learning rate", Assert.Throws<ArgumentException>(() => LearningCurveChart.Build(negativeRate)).Message);
        Assert.Contains("best epoch 99", Assert.Throws<ArgumentException>(() => LearningCurveChart.Build(Fixtures.Epochs(), 99)).Message);
    }
}
