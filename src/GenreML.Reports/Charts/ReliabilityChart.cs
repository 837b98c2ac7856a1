using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace GenreML.Reports.Charts;

/// <summary>
/// A reliability diagram: accuracy against mean top probability per confidence bin, one line per set of
/// predictions (e.g. before and after calibration), with the diagonal a perfectly calibrated model lies on.
/// Empty bins are left out (the clip count per bin belongs in the accompanying table).
/// </summary>
public static class ReliabilityChart
{
    private static readonly OxyColor[] Colors = [ChartTheme.Wrong, ChartTheme.Train, ChartTheme.Best, ChartTheme.Validation];

    /// <summary>One bin of one line: mean top probability, accuracy and the number of clips.</summary>
    public readonly record struct Point(double MeanConfidence, double Accuracy, int Count);

    /// <summary>Builds the diagram; <paramref name="lines"/> maps a legend title to its bins.</summary>
    /// <exception cref="ArgumentException">There are no lines.</exception>
    public static PlotModel Build(IReadOnlyList<(string Title, IReadOnlyList<Point> Bins)> lines, string title = "Reliability diagram", string? subtitle = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0) throw new ArgumentException("a reliability diagram needs at least one line", nameof(lines));
        PlotModel model = ChartTheme.NewModel(title, subtitle);
        model.Legends.Add(ChartTheme.TopLegend());
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "Mean top probability in bin", Minimum = 0, Maximum = 1, MajorGridlineStyle = LineStyle.Solid, MajorGridlineColor = ChartTheme.Grid });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "Accuracy in bin", Minimum = 0, Maximum = 1, MajorGridlineStyle = LineStyle.Solid, MajorGridlineColor = ChartTheme.Grid });
        var diagonal = new LineSeries { Title = "perfect calibration", Color = OxyColors.Gray, LineStyle = LineStyle.Dash };
        diagonal.Points.Add(new DataPoint(0, 0));
        diagonal.Points.Add(new DataPoint(1, 1));
        model.Series.Add(diagonal);
        for (int i = 0; i < lines.Count; i++)
        {
            var series = new LineSeries
            {
                Title = lines[i].Title,
                Color = Colors[i % Colors.Length],
                MarkerType = MarkerType.Circle,
                MarkerSize = 4,
            };
            foreach (Point p in lines[i].Bins.Where(b => b.Count > 0))
            {
                series.Points.Add(new DataPoint(p.MeanConfidence, p.Accuracy));
            }

            model.Series.Add(series);
        }

        return model;
    }
}
