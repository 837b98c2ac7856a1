using GenreML.Reports.Charts;
using GenreML.Reports.Data;
using OxyPlot.Axes;
using SkiaSharp;

namespace GenreML.Reports.Tests;

public class SpectrogramChartTests
{
    [Fact]
    public void Grid_of_three_examples_in_two_columns_has_two_rows()
    {
        SpectrogramExample[] examples =
        [
            Fixtures.Spectrogram("jazz.00002.wav", "jazz", "jazz", seed: 1),
            Fixtures.Spectrogram("blues.00029.wav", "blues", "rock", seed: 2),
            Fixtures.Spectrogram("metal.00010.wav", "metal", "metal", seed: 3),
        ];
        var png = SpectrogramChart.RenderGridPng(examples, columns: 2);
        var expected = SpectrogramChart.GridSize(3, 2);
        Assert.Equal(2 * SpectrogramChart.DefaultPanelSize.Width, expected.Width);
        Assert.Equal(2 * SpectrogramChart.DefaultPanelSize.Height, expected.Height);
        using var bitmap = PngAssert.DecodesWithContent(png, expected.Width, expected.Height);
    }

    [Fact]
    public void Wrong_predictions_get_a_red_title_and_right_ones_do_not()
    {
        var right = Render(Fixtures.Spectrogram("a.wav", "jazz", "jazz"));
        var wrong = Render(Fixtures.Spectrogram("b.wav", "jazz", "blues"));
        var titleArea = new SKRectI(0, 0, SpectrogramChart.DefaultPanelSize.Width, 26);
        Assert.Equal(0, PngAssert.RedPixels(right, titleArea));
        Assert.True(PngAssert.RedPixels(wrong, titleArea) > 30, "the title of a wrong prediction is not red");
        right.Dispose();
        wrong.Dispose();
    }

    [Fact]
    public void Title_names_true_and_predicted_labels_and_axes_are_in_seconds_and_hertz()
    {
        var example = Fixtures.Spectrogram("blues.00029.wav", "blues", "rock", frames: 431);
        var model = SpectrogramChart.Build(example, -80, 0);
        Assert.Equal("true: blues / predicted: rock", model.Title);
        Assert.Equal("blues.00029.wav", model.Subtitle);
        var time = model.Axes.Single(a => a.Position == AxisPosition.Bottom);
        Assert.Equal("Time (s)", time.Title);
        Assert.Equal(431 * 512 / 22050.0, time.Maximum, 9);
        Assert.Equal("dB", model.Axes.OfType<LinearColorAxis>().Single().Title);
    }

    [Fact]
    public void Mel_axis_ticks_sit_at_round_frequencies_labelled_in_hertz()
    {
        var example = Fixtures.Spectrogram("x.wav", "pop", "pop", bands: 128);
        var axis = SpectrogramChart.Build(example, -80, 0).Axes.OfType<MelBandAxis>().Single();
        axis.GetTickValues(out var labels, out _, out _);
        var texts = labels.Select(axis.LabelFormatter).ToArray();
        Assert.Equal(["200", "500", "1k", "2k", "4k", "8k"], texts);
        Assert.Contains("Hz", axis.Title);
    }

    [Fact]
    public void Shared_range_spans_at_most_eighty_decibels_below_the_loudest_value()
    {
        var quiet = new SpectrogramExample("q", "a", "a", [-120f, -100f, -90f, -95f], 2, 2, 0.1, [100, 200]);
        var loud = new SpectrogramExample("l", "a", "a", [-10f, float.NaN, -20f, -30f], 2, 2, 0.1, [100, 200]);
        Assert.Equal((-90.0, -10.0), SpectrogramChart.SharedRange([quiet, loud]));
        Assert.Equal((-120.0, -90.0), SpectrogramChart.SharedRange([quiet]));
    }

    [Fact]
    public void Example_rejects_inconsistent_sizes_and_frequencies()
    {
        Assert.Contains("expected bands × frames = 2 × 3",
            Assert.Throws<ArgumentException>(() => new SpectrogramExample("clip.wav", "a", "a", new float[5], 2, 3, 0.1, [1, 2])).Message);
        Assert.Contains("clip.wav",
            Assert.Throws<ArgumentException>(() => new SpectrogramExample("clip.wav", "a", "a", new float[6], 2, 3, 0.1, [1])).Message);
        Assert.Contains("strictly increasing",
            Assert.Throws<ArgumentException>(() => new SpectrogramExample("clip.wav", "a", "a", new float[6], 2, 3, 0.1, [5, 5])).Message);
        Assert.Contains("seconds per frame",
            Assert.Throws<ArgumentException>(() => new SpectrogramExample("clip.wav", "a", "a", new float[6], 2, 3, 0, [1, 2])).Message);
    }

    [Fact]
    public void Long_clip_names_keep_their_start_and_end()
    {
        var name = "/data/gtzan/genres_original/" + new string('x', 80) + "/blues.00029.wav";
        var model = SpectrogramChart.Build(Fixtures.Spectrogram(name, "blues", "blues"), -80, 0);
        Assert.Equal(SpectrogramChart.MaxSubtitleLength, model.Subtitle.Length);
        Assert.StartsWith("/data/gtzan", model.Subtitle);
        Assert.EndsWith("/blues.00029.wav", model.Subtitle);
        Assert.Contains("…", model.Subtitle);
    }

    private static SKBitmap Render(SpectrogramExample example) =>
        SKBitmap.Decode(SpectrogramChart.RenderGridPng([example], columns: 1));
}
