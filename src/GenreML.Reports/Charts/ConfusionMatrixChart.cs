using System.Globalization;
using GenreML.Reports.Data;
using GenreML.Reports.Rendering;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace GenreML.Reports.Charts;

/// <summary>
/// A confusion-matrix heat map: true labels down the left (first label at the top), predicted labels along the
/// bottom; each cell shows its count and its share of the row, and is coloured by that share (so the diagonal
/// reads as per-class recall) on a white-to-blue scale with a colour bar.
/// </summary>
public static class ConfusionMatrixChart
{
    private static readonly OxyColor Dark = OxyColor.FromRgb(0x08, 0x30, 0x6b);

    /// <summary>A size at which the cell text stays legible: grows with the number of labels.</summary>
    public static ChartSize SuggestedSize(int labelCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(labelCount);
        var cells = Math.Max(labelCount, 2);
        var side = Math.Clamp(64 * cells, 240, 1400);
        return new ChartSize(side + 240, side + 200);
    }

    /// <summary>Builds the heat map.</summary>
    public static PlotModel Build(ConfusionData data, string title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(data);
        var n = data.Labels.Count;
        var total = 0;
        var correct = 0;
        var share = new double[n, n];
        for (var t = 0; t < n; t++)
        {
            var row = data.RowTotal(t);
            total += row;
            correct += data.Counts[t, t];
            for (var p = 0; p < n; p++)
            {
                share[p, t] = row == 0 ? 0 : (double)data.Counts[t, p] / row;
            }
        }
        var subtitle = string.Create(
            CultureInfo.InvariantCulture,
            $"{total} clips, accuracy {(total == 0 ? 0 : (double)correct / total):0.0%}; each cell: count and share of its true-label row");
        var model = ChartTheme.NewModel(title, subtitle);

        var rotate = n > 4 || data.Labels.Any(l => l.Length > 8);
        model.Axes.Add(new CategoryAxis
        {
            Key = "predicted",
            Position = AxisPosition.Bottom,
            Title = "Predicted label",
            ItemsSource = data.Labels,
            Angle = rotate ? -40 : 0,
            GapWidth = 0,
            IsPanEnabled = false,
            IsZoomEnabled = false,
        });
        model.Axes.Add(new CategoryAxis
        {
            Key = "true",
            Position = AxisPosition.Left,
            Title = "True label",
            ItemsSource = data.Labels,
            StartPosition = 1,
            EndPosition = 0,
            GapWidth = 0,
            IsPanEnabled = false,
            IsZoomEnabled = false,
        });
        model.Axes.Add(new LinearColorAxis
        {
            Position = AxisPosition.Right,
            Palette = OxyPalette.Interpolate(256, OxyColors.White, OxyColor.FromRgb(0x6b, 0xae, 0xd6), Dark),
            Minimum = 0,
            Maximum = 1,
            Title = "Share of true-label row",
            StringFormat = "0%",
            MajorStep = 0.2,
            TickStyle = TickStyle.Outside,
            MinorTickSize = 0,
        });
        model.Series.Add(new HeatMapSeries
        {
            XAxisKey = "predicted",
            YAxisKey = "true",
            X0 = 0,
            X1 = n - 1,
            Y0 = 0,
            Y1 = n - 1,
            Data = share,
            Interpolate = false,
            RenderMethod = HeatMapRenderMethod.Rectangles,
        });

        var fontSize = n <= 4 ? 16 : n <= 8 ? 13 : 11;
        for (var t = 0; t < n; t++)
        {
            var row = data.RowTotal(t);
            for (var p = 0; p < n; p++)
            {
                var count = data.Counts[t, p];
                var text = row == 0 || count == 0
                    ? count.ToString(CultureInfo.InvariantCulture)
                    : string.Create(CultureInfo.InvariantCulture, $"{count}\n{100.0 * count / row:0.#}%");
                model.Annotations.Add(new TextAnnotation
                {
                    XAxisKey = "predicted",
                    YAxisKey = "true",
                    TextPosition = new DataPoint(p, t),
                    Text = text,
                    FontSize = fontSize,
                    FontWeight = p == t ? FontWeights.Bold : FontWeights.Normal,
                    TextColor = share[p, t] > 0.45 ? OxyColors.White : count == 0 ? OxyColor.FromRgb(0xa0, 0xa0, 0xa0) : ChartTheme.Text,
                    Stroke = OxyColors.Undefined,
                    StrokeThickness = 0,
                    Background = OxyColors.Undefined,
                    TextHorizontalAlignment = HorizontalAlignment.Center,
                    TextVerticalAlignment = VerticalAlignment.Middle,
                    Padding = new OxyThickness(0),
                });
            }
        }
        return model;
    }
}
