using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace GenreML.Reports.Charts;

/// <summary>
/// A genre timeline of one recording: the probabilities of every genre per window, stacked (they sum to 1), over
/// time in seconds, one colour per genre.
/// </summary>
public static class GenreTimelineChart
{
    private static readonly OxyColor[] Palette =
    [
        OxyColor.FromRgb(0x1f, 0x77, 0xb4), OxyColor.FromRgb(0xff, 0x7f, 0x0e), OxyColor.FromRgb(0x2c, 0xa0, 0x2c),
        OxyColor.FromRgb(0xd6, 0x27, 0x28), OxyColor.FromRgb(0x94, 0x67, 0xbd), OxyColor.FromRgb(0x8c, 0x56, 0x4b),
        OxyColor.FromRgb(0xe3, 0x77, 0xc2), OxyColor.FromRgb(0x7f, 0x7f, 0x7f), OxyColor.FromRgb(0xbc, 0xbd, 0x22),
        OxyColor.FromRgb(0x17, 0xbe, 0xcf),
    ];

    /// <summary>Builds the chart from window centres (seconds) and each window's probabilities in <paramref name="labels"/> order.</summary>
    /// <exception cref="ArgumentException">No windows, or a window whose probability count differs from the labels'.</exception>
    public static PlotModel Build(IReadOnlyList<string> labels, IReadOnlyList<double> times, IReadOnlyList<IReadOnlyList<float>> probabilities, string title)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (times.Count == 0 || times.Count != probabilities.Count)
        {
            throw new ArgumentException($"the timeline needs one time per window and at least one window (got {times.Count} times, {probabilities.Count} windows)", nameof(times));
        }

        if (probabilities.Any(p => p.Count != labels.Count))
        {
            throw new ArgumentException($"every window needs {labels.Count} probabilities, one per label", nameof(probabilities));
        }

        PlotModel model = ChartTheme.NewModel(title);
        model.Legends.Add(ChartTheme.TopLegend());
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "Time (s)", MajorGridlineStyle = LineStyle.Solid, MajorGridlineColor = ChartTheme.Grid });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "Probability", Minimum = 0, Maximum = 1, MajorStep = 0.25 });
        var below = new double[times.Count];
        for (int c = 0; c < labels.Count; c++)
        {
            var area = new AreaSeries { Title = labels[c], Color = Palette[c % Palette.Length], StrokeThickness = 0.5 };
            for (int w = 0; w < times.Count; w++)
            {
                area.Points2.Add(new DataPoint(times[w], below[w]));
                below[w] += probabilities[w][c];
                area.Points.Add(new DataPoint(times[w], below[w]));
            }

            model.Series.Add(area);
        }

        return model;
    }
}
