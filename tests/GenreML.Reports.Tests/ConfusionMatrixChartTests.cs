using GenreML.Reports.Charts;
using GenreML.Reports.Data;
using GenreML.Reports.Rendering;
using OxyPlot.Annotations;
using OxyPlot.Axes;

namespace GenreML.Reports.Tests;

public class ConfusionMatrixChartTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void Renders_at_its_suggested_size(int labels)
    {
        var size = ConfusionMatrixChart.SuggestedSize(labels);
        var png = ChartRenderer.ToPng(ConfusionMatrixChart.Build(Fixtures.Confusion(labels)), size);
        using var bitmap = PngAssert.DecodesWithContent(png, size.Width, size.Height);
    }

    [Fact]
    public void Each_cell_shows_its_count_and_row_percentage()
    {
        var data = new ConfusionData(["jazz", "metal"], new[,] { { 17, 3 }, { 1, 19 } });
        var texts = ConfusionMatrixChart.Build(data).Annotations.OfType<TextAnnotation>().Select(a => a.Text ?? "").ToArray();
        Assert.Equal<string>(["17\n85%", "3\n15%", "1\n5%", "19\n95%"], texts);
    }

    [Fact]
    public void Empty_cells_and_empty_rows_show_only_the_count()
    {
        var data = new ConfusionData(["a", "b"], new[,] { { 0, 0 }, { 2, 0 } });
        var texts = ConfusionMatrixChart.Build(data).Annotations.OfType<TextAnnotation>().Select(a => a.Text ?? "").ToArray();
        Assert.Equal<string>(["0", "0", "2\n100%", "0"], texts);
    }

    [Fact]
    public void Genre_names_label_both_axes_and_there_is_a_colour_bar()
    {
        var model = ConfusionMatrixChart.Build(Fixtures.Confusion(10));
        var categoryAxes = model.Axes.OfType<CategoryAxis>().ToArray();
        Assert.Equal(2, categoryAxes.Length);
        Assert.All(categoryAxes, a => Assert.Equal(Fixtures.Genres, (IEnumerable<string>)a.ItemsSource));
        Assert.Single(model.Axes.OfType<LinearColorAxis>());
        Assert.NotEqual(0, categoryAxes.Single(a => a.Position == AxisPosition.Bottom).Angle);
    }

    [Fact]
    public void Rejects_a_matrix_that_does_not_match_the_labels_or_has_negative_counts()
    {
        var mismatch = Assert.Throws<ArgumentException>(() => new ConfusionData(["a", "b", "c"], new int[2, 2]));
        Assert.Contains("3×3", mismatch.Message);
        var negative = Assert.Throws<ArgumentException>(() => new ConfusionData(["a", "b"], new[,] { { 1, -1 }, { 0, 1 } }));
        Assert.Contains("true a, predicted b", negative.Message);
    }
}
