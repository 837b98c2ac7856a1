using GenreML.Core.Evaluation;
using System.Globalization;
using GenreML.Reports.Data;
using GenreML.Reports.Rendering;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace GenreML.Reports.Charts;

/// <summary>
/// Per-class precision, recall and F1 as grouped horizontal bars, one group per label (in the given order, top to
/// bottom), each label shown with its support, e.g. "jazz (n=12)", and each bar with its value.
/// </summary>
public static class ClassScoresChart
{
    private static readonly OxyColor PrecisionColor = OxyColor.FromRgb(0x1f, 0x77, 0xb4);
    private static readonly OxyColor RecallColor = OxyColor.FromRgb(0xff, 0x7f, 0x0e);
    private static readonly OxyColor F1Color = OxyColor.FromRgb(0x2c, 0xa0, 0x2c);

    /// <summary>A size that gives each label's group of three bars enough height for its value labels.</summary>
    public static ChartSize SuggestedSize(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        return new ChartSize(900, Math.Clamp(160 + 64 * classCount, 300, 4000));
    }

    /// <summary>The category label of one class: "label (n=support)".</summary>
    public static string CategoryLabel(ClassMetrics scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return string.Create(CultureInfo.InvariantCulture, $"{scores.Label} (n={scores.Support})");
    }

    /// <summary>Builds the chart.</summary>
    /// <exception cref="ArgumentException">No classes, or a score outside [0, 1], or a negative support.</exception>
    public static PlotModel Build(IReadOnlyList<ClassMetrics> classes, string title = "Per-class precision, recall and F1")
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count == 0)
        {
            throw new ArgumentException("the per-class chart needs at least one class", nameof(classes));
        }
        foreach (var c in classes)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(classes));
            CheckScore(c, "precision", c.Precision);
            CheckScore(c, "recall", c.Recall);
            CheckScore(c, "F1", c.F1);
            if (c.Support < 0)
            {
                throw new ArgumentException($"class '{c.Label}': support is negative: {c.Support}", nameof(classes));
            }
        }

        var macroF1 = classes.Average(c => c.F1);
        var model = ChartTheme.NewModel(title, string.Create(CultureInfo.InvariantCulture, $"macro F1 {macroF1:0.000}"));
        model.Legends.Add(ChartTheme.TopLegend());
        model.Axes.Add(new CategoryAxis
        {
            Position = AxisPosition.Left,
            ItemsSource = classes.Select(CategoryLabel).ToArray(),
            StartPosition = 1,
            EndPosition = 0,
            GapWidth = 0.35,
            IsPanEnabled = false,
            IsZoomEnabled = false,
        });
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Bottom,
            Title = "Score",
            Minimum = 0,
            Maximum = 1.08,
            MajorStep = 0.2,
            StringFormat = "0.0",
            MajorGridlineStyle = LineStyle.Solid,
            MajorGridlineColor = ChartTheme.Grid,
            IsPanEnabled = false,
            IsZoomEnabled = false,
        });
        model.Series.Add(Bars("precision", PrecisionColor, classes, c => c.Precision));
        model.Series.Add(Bars("recall", RecallColor, classes, c => c.Recall));
        model.Series.Add(Bars("F1", F1Color, classes, c => c.F1));
        return model;
    }

    private static void CheckScore(ClassMetrics c, string name, double value)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentException($"class '{c.Label}': {name} must be within [0, 1], got {value}", "classes");
        }
    }

    private static BarSeries Bars(string title, OxyColor color, IReadOnlyList<ClassMetrics> classes, Func<ClassMetrics, double> value)
    {
        var series = new BarSeries
        {
            Title = title,
            FillColor = color,
            StrokeThickness = 0,
            LabelFormatString = "{0:0.00}",
            LabelPlacement = LabelPlacement.Outside,
            LabelMargin = 3,
            FontSize = 10,
        };
        foreach (var c in classes)
        {
            series.Items.Add(new BarItem(value(c)));
        }
        return series;
    }
}
