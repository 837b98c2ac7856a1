using GenreML.Core.Evaluation;
using GenreML.Reports.Charts;
using GenreML.Reports.Data;
using GenreML.Reports.Rendering;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace GenreML.Reports.Tests;

public class ClassScoresChartTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Renders_grouped_bars_at_its_suggested_size(int classes)
    {
        var size = ClassScoresChart.SuggestedSize(classes);
        var png = ChartRenderer.ToPng(ClassScoresChart.Build(Fixtures.Scores(classes)), size);
        using var bitmap = PngAssert.DecodesWithContent(png, size.Width, size.Height);
    }

    [Fact]
    public void Categories_carry_the_support_and_there_is_one_series_per_score()
    {
        var model = ClassScoresChart.Build(Fixtures.Scores(3));
        var categories = (IEnumerable<string>)model.Axes.OfType<CategoryAxis>().Single().ItemsSource;
        Assert.Equal(["blues (n=10)", "classical (n=11)", "country (n=12)"], categories);
        Assert.Equal(["precision", "recall", "F1"], model.Series.Select(s => s.Title));
        Assert.Equal([0.5, 0.9, 0.6], model.Series.Cast<BarSeries>().Select(s => s.Items[0].Value));
    }

    [Fact]
    public void Rejects_scores_outside_zero_to_one_and_negative_support()
    {
        var tooHigh = Assert.Throws<ArgumentException>(() => ClassScoresChart.Build([new ClassMetrics("jazz", 1.2, 0.5, 0.5, 3)]));
        Assert.Contains("'jazz': precision", tooHigh.Message);
        var nan = Assert.Throws<ArgumentException>(() => ClassScoresChart.Build([new ClassMetrics("pop", 0.5, double.NaN, 0.5, 3)]));
        Assert.Contains("'pop': recall", nan.Message);
        Assert.Throws<ArgumentException>(() => ClassScoresChart.Build([new ClassMetrics("pop", 0.5, 0.5, 0.5, -1)]));
        Assert.Throws<ArgumentException>(() => ClassScoresChart.Build([]));
    }
}
