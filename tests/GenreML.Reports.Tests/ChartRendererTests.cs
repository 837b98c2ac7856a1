using GenreML.Reports.Charts;
using GenreML.Reports.Rendering;

namespace GenreML.Reports.Tests;

public class ChartRendererTests
{
    [Fact]
    public void Png_has_the_requested_size()
    {
        var png = ChartRenderer.ToPng(LearningCurveChart.Build(Fixtures.Epochs()), new ChartSize(333, 222));
        using var bitmap = PngAssert.DecodesWithContent(png, 333, 222);
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        var size = new ChartSize(400, 300);
        var first = ChartRenderer.ToPng(ConfusionMatrixChart.Build(Fixtures.Confusion(3)), size);
        var second = ChartRenderer.ToPng(ConfusionMatrixChart.Build(Fixtures.Confusion(3)), size);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Grid_places_panels_in_rows_of_the_given_column_count()
    {
        var panels = Enumerable.Range(0, 5).Select(_ => ClassScoresChart.Build(Fixtures.Scores(2))).ToArray();
        var png = ChartRenderer.GridToPng(panels, columns: 2, new ChartSize(200, 150));
        using var bitmap = PngAssert.DecodesWithContent(png, 400, 450);
        // The sixth cell (row 3, column 2) has no panel and stays white.
        Assert.Equal(0, PngAssert.InkPixels(bitmap, new SkiaSharp.SKRectI(205, 305, 395, 445)));
    }

    [Fact]
    public void Grid_rejects_no_panels_and_non_positive_columns()
    {
        var size = new ChartSize(100, 100);
        var one = new[] { ClassScoresChart.Build(Fixtures.Scores(2)) };
        Assert.Throws<ArgumentException>(() => ChartRenderer.GridToPng([], 1, size));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChartRenderer.GridToPng(one, 0, size));
    }

    [Fact]
    public void Svg_is_an_svg_document_containing_the_chart_text()
    {
        var svg = ChartRenderer.ToSvg(ClassScoresChart.Build(Fixtures.Scores(3)), new ChartSize(500, 300));
        Assert.Contains("<svg", svg);
        Assert.Contains("precision", svg);
    }

    [Fact]
    public void Chart_size_rejects_out_of_range_sides()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChartSize(0, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChartSize(100, 20000));
    }

    [Fact]
    public void Saving_replaces_the_file_and_leaves_no_temporary_file()
    {
        var folder = Directory.CreateTempSubdirectory("genreml-reports-");
        try
        {
            var path = Path.Combine(folder.FullName, "chart.png");
            File.WriteAllText(path, "old");
            ChartRenderer.SavePng(ClassScoresChart.Build(Fixtures.Scores(2)), new ChartSize(300, 200), path);
            using var bitmap = PngAssert.DecodesWithContent(File.ReadAllBytes(path), 300, 200);
            Assert.Equal(["chart.png"], folder.GetFiles().Select(f => f.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
