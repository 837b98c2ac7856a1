using System.Globalization;
using GenreML.Reports.Data;
using GenreML.Reports.Rendering;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace GenreML.Reports.Charts;

/// <summary>
/// Learning curves in three stacked panels sharing the epoch axis: loss (top), accuracy (middle) and learning rate
/// (bottom; logarithmic when every rate is positive), train in blue, validation in orange, the best epoch marked by a
/// green line through all panels. A run without any validation figures (trained with no validation part) gets no
/// validation series, and its marker says "kept" instead of "best". Lines are solid: OxyPlot's SVG writer turns dashes into thousands of tiny squares.
/// </summary>
public static class LearningCurveChart
{
    /// <summary>The size the report renders this chart at.</summary>
    public static ChartSize DefaultSize { get; } = new(900, 760);

    /// <summary>
    /// Builds the chart. <paramref name="bestEpoch"/> is the epoch to mark (e.g. the checkpoint kept); when null, the
    /// epoch with the highest validation accuracy (the earliest on ties) is marked.
    /// </summary>
    /// <exception cref="ArgumentException">No epochs, epochs not strictly increasing, a negative or infinite learning rate,
    /// or <paramref name="bestEpoch"/> not among the epochs.</exception>
    public static PlotModel Build(IReadOnlyList<EpochPoint> epochs, int? bestEpoch = null, string title = "Learning curves")
    {
        ArgumentNullException.ThrowIfNull(epochs);
        Validate(epochs);
        var best = bestEpoch is { } chosen
            ? epochs.FirstOrDefault(e => e.Epoch == chosen)
              ?? throw new ArgumentException($"best epoch {chosen} is not among the {epochs.Count} epochs given", nameof(bestEpoch))
            : HighestValidationAccuracy(epochs);

        var model = ChartTheme.NewModel(title, Describe(best));
        model.Legends.Add(ChartTheme.TopLegend());

        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Bottom,
            Title = "Epoch",
            Minimum = epochs[0].Epoch - 0.5,
            Maximum = epochs[^1].Epoch + 0.5,
            MinimumMajorStep = 1,
            MinimumMinorStep = 1,
            StringFormat = "0",
            MajorGridlineStyle = LineStyle.Solid,
            MajorGridlineColor = ChartTheme.Grid,
        });
        model.Axes.Add(PanelAxis("loss", "Loss", 0.68, 1.0, "0.00"));
        var accuracy = PanelAxis("accuracy", "Accuracy", 0.34, 0.64, "0%");
        accuracy.Minimum = 0;
        accuracy.Maximum = 1;
        model.Axes.Add(accuracy);
        model.Axes.Add(LearningRateAxis(epochs));

        bool validated = epochs.Any(e => !double.IsNaN(e.ValLoss) || !double.IsNaN(e.ValAccuracy));
        model.Series.Add(Line("train loss", "loss", ChartTheme.Train, epochs, e => e.TrainLoss));
        if (validated) model.Series.Add(Line("validation loss", "loss", ChartTheme.Validation, epochs, e => e.ValLoss));
        model.Series.Add(Line("train accuracy", "accuracy", ChartTheme.Train, epochs, e => e.TrainAccuracy));
        if (validated) model.Series.Add(Line("validation accuracy", "accuracy", ChartTheme.Validation, epochs, e => e.ValAccuracy));
        model.Series.Add(Line("learning rate", "lr", ChartTheme.LearningRate, epochs, e => e.LearningRate));

        foreach (var key in new[] { "loss", "accuracy", "lr" })
        {
            model.Annotations.Add(new LineAnnotation
            {
                Type = LineAnnotationType.Vertical,
                Layer = AnnotationLayer.BelowSeries,
                X = best.Epoch,
                YAxisKey = key,
                Color = ChartTheme.Best,
                StrokeThickness = 1.5,
                LineStyle = LineStyle.Solid,
                Text = key == "loss" ? $"{(validated ? "best" : "kept")}: epoch {best.Epoch}" : null,
                TextColor = ChartTheme.Best,
                TextOrientation = AnnotationTextOrientation.Horizontal,
                // Text extends away from the nearer edge so a late best epoch's label is not clipped.
                TextHorizontalAlignment = best.Epoch > (epochs[0].Epoch + epochs[^1].Epoch) / 2.0 ? HorizontalAlignment.Right : HorizontalAlignment.Left,
                TextVerticalAlignment = VerticalAlignment.Top,
                TextPadding = 4,
            });
        }
        return model;
    }

    private static void Validate(IReadOnlyList<EpochPoint> epochs)
    {
        if (epochs.Count == 0)
        {
            throw new ArgumentException("learning curves need at least one epoch", nameof(epochs));
        }
        for (var i = 0; i < epochs.Count; i++)
        {
            var e = epochs[i] ?? throw new ArgumentException($"epoch entry {i} is null", nameof(epochs));
            if (i > 0 && e.Epoch <= epochs[i - 1].Epoch)
            {
                throw new ArgumentException(
                    $"epochs must be strictly increasing; entry {i} is epoch {e.Epoch} after epoch {epochs[i - 1].Epoch}", nameof(epochs));
            }
            if (e.LearningRate < 0 || double.IsInfinity(e.LearningRate))
            {
                throw new ArgumentException($"epoch {e.Epoch}: learning rate must be finite and non-negative, got {e.LearningRate}", nameof(epochs));
            }
        }
    }

    private static EpochPoint HighestValidationAccuracy(IReadOnlyList<EpochPoint> epochs)
    {
        var best = epochs[0];
        foreach (var e in epochs)
        {
            if (e.ValAccuracy > best.ValAccuracy || (double.IsNaN(best.ValAccuracy) && !double.IsNaN(e.ValAccuracy)))
            {
                best = e;
            }
        }
        return best;
    }

    private static string Describe(EpochPoint best) => double.IsNaN(best.ValAccuracy)
        ? string.Create(CultureInfo.InvariantCulture, $"kept epoch {best.Epoch} (no validation)")
        : string.Create(CultureInfo.InvariantCulture, $"best epoch {best.Epoch}: validation accuracy {best.ValAccuracy:0.0%}, validation loss {best.ValLoss:0.000}");

    private static LinearAxis PanelAxis(string key, string title, double start, double end, string format) => new()
    {
        Key = key,
        Position = AxisPosition.Left,
        Title = title,
        StartPosition = start,
        EndPosition = end,
        StringFormat = format,
        MajorGridlineStyle = LineStyle.Solid,
        MajorGridlineColor = ChartTheme.Grid,
        MinimumPadding = 0.05,
        MaximumPadding = 0.05,
    };

    private static Axis LearningRateAxis(IReadOnlyList<EpochPoint> epochs)
    {
        var positive = epochs.Where(e => !double.IsNaN(e.LearningRate)).All(e => e.LearningRate > 0);
        Axis axis = positive ? new LogarithmicAxis { StringFormat = "0.0E0" } : new LinearAxis { StringFormat = "0.0E0" };
        axis.Key = "lr";
        axis.Position = AxisPosition.Left;
        axis.Title = "Learning rate";
        axis.StartPosition = 0;
        axis.EndPosition = 0.30;
        axis.MajorGridlineStyle = LineStyle.Solid;
        axis.MajorGridlineColor = ChartTheme.Grid;
        axis.MinimumPadding = 0.1;
        axis.MaximumPadding = 0.1;
        return axis;
    }

    private static LineSeries Line(
        string title, string yAxisKey, OxyColor color, IReadOnlyList<EpochPoint> epochs, Func<EpochPoint, double> value)
    {
        var series = new LineSeries
        {
            Title = title,
            YAxisKey = yAxisKey,
            Color = color,
            StrokeThickness = 2,
            MarkerType = epochs.Count <= 60 ? MarkerType.Circle : MarkerType.None,
            MarkerSize = 2.5,
            MarkerFill = color,
        };
        foreach (var e in epochs)
        {
            var v = value(e);
            // NaN means "not measured this epoch": OxyPlot draws a gap there.
            series.Points.Add(double.IsNaN(v) ? DataPoint.Undefined : new DataPoint(e.Epoch, v));
        }
        return series;
    }
}
