using GenreML.Reports.Data;
using GenreML.Reports.Rendering;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace GenreML.Reports.Charts;

/// <summary>
/// Log-Mel spectrogram panels titled "true: X / predicted: Y" (red title and frame when wrong), time in seconds
/// along the bottom, frequency in Hz on a Mel-spaced axis, and a dB colour bar (magma, as librosa shows them).
/// Several panels are composed into one image by <see cref="RenderGridPng"/>.
/// </summary>
public static class SpectrogramChart
{
    /// <summary>The size of one panel in the grid.</summary>
    public static ChartSize DefaultPanelSize { get; } = new(560, 340);

    /// <summary>Dynamic range shown below the loudest value, as librosa's top_db.</summary>
    public const double DynamicRangeDb = 80;

    /// <summary>Builds one panel, colouring <paramref name="minDb"/>…<paramref name="maxDb"/>.</summary>
    /// <exception cref="ArgumentException">The dB range is empty or not finite.</exception>
    public static PlotModel Build(SpectrogramExample example, double minDb, double maxDb)
    {
        ArgumentNullException.ThrowIfNull(example);
        if (!double.IsFinite(minDb) || !double.IsFinite(maxDb) || minDb >= maxDb)
        {
            throw new ArgumentException($"dB range must be finite and increasing, got {minDb}…{maxDb}", nameof(minDb));
        }
        var wrong = !example.IsCorrect;
        var model = ChartTheme.NewModel($"true: {example.TrueLabel} / predicted: {example.PredictedLabel}", Shorten(example.Title));
        model.TitleFontSize = 14;
        if (wrong)
        {
            model.TitleColor = ChartTheme.Wrong;
            model.PlotAreaBorderColor = ChartTheme.Wrong;
            model.PlotAreaBorderThickness = new OxyThickness(2.5);
        }

        var duration = example.Frames * example.SecondsPerFrame;
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Bottom,
            Title = "Time (s)",
            Minimum = 0,
            Maximum = duration,
            StringFormat = "0.#",
            IsPanEnabled = false,
            IsZoomEnabled = false,
        });
        model.Axes.Add(new MelBandAxis(example.BandCenterHz) { Title = "Frequency (Hz, Mel scale)" });
        model.Axes.Add(new LinearColorAxis
        {
            Position = AxisPosition.Right,
            Palette = OxyPalettes.Magma(256),
            Minimum = minDb,
            Maximum = maxDb,
            LowColor = OxyPalettes.Magma(2).Colors[0],
            HighColor = OxyPalettes.Magma(2).Colors[1],
            Title = "dB",
            StringFormat = "0",
            TickStyle = TickStyle.Outside,
            MinorTickSize = 0,
        });

        var values = new double[example.Frames, example.Bands];
        for (var b = 0; b < example.Bands; b++)
        {
            var offset = b * example.Frames;
            for (var t = 0; t < example.Frames; t++)
            {
                var v = example.BandMajorDb[offset + t];
                values[t, b] = float.IsNaN(v) ? minDb : v;
            }
        }
        model.Series.Add(new HeatMapSeries
        {
            // Frame t covers [t, t + 1) hops; cell edges make the image span exactly 0…duration.
            CoordinateDefinition = HeatMapCoordinateDefinition.Edge,
            X0 = 0,
            X1 = duration,
            Y0 = -0.5,
            Y1 = example.Bands - 0.5,
            Data = values,
            Interpolate = false,
            RenderMethod = HeatMapRenderMethod.Bitmap,
        });
        return model;
    }

    /// <summary>Longest subtitle (clip name) shown in full; longer ones keep their start and end around an ellipsis.</summary>
    public const int MaxSubtitleLength = 64;

    /// <summary>
    /// The shared colour range for a set of examples: from (loudest − <see cref="DynamicRangeDb"/>), or the quietest
    /// value if higher, up to the loudest value. NaN values are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">No examples, or no finite value in any of them.</exception>
    public static (double MinDb, double MaxDb) SharedRange(IReadOnlyList<SpectrogramExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var example in examples)
        {
            foreach (var v in example.BandMajorDb)
            {
                if (float.IsFinite(v))
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
            }
        }
        if (!double.IsFinite(max))
        {
            throw new ArgumentException($"none of the {examples.Count} spectrograms holds a finite dB value", nameof(examples));
        }
        min = Math.Max(min, max - DynamicRangeDb);
        return min < max ? (min, max) : (max - 1, max);
    }

    /// <summary>
    /// Renders every example as a panel (shared dB range) in a grid of <paramref name="columns"/> columns,
    /// each panel <paramref name="panelSize"/> (default <see cref="DefaultPanelSize"/>).
    /// </summary>
    public static byte[] RenderGridPng(IReadOnlyList<SpectrogramExample> examples, int columns = 2, ChartSize? panelSize = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
        {
            throw new ArgumentException("the spectrogram grid needs at least one example", nameof(examples));
        }
        var (minDb, maxDb) = SharedRange(examples);
        var panels = examples.Select(e => Build(e, minDb, maxDb)).ToArray();
        return ChartRenderer.GridToPng(panels, columns, panelSize ?? DefaultPanelSize);
    }

    /// <summary>How many pixels wide and high the grid for <paramref name="count"/> examples will be.</summary>
    public static ChartSize GridSize(int count, int columns = 2, ChartSize? panelSize = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        var size = panelSize ?? DefaultPanelSize;
        var cols = Math.Min(columns, count);
        var rows = (count + cols - 1) / cols;
        return new ChartSize(cols * size.Width, rows * size.Height);
    }

    /// <summary>Keeps <paramref name="text"/> within <see cref="MaxSubtitleLength"/> characters, dropping its middle (file names differ at the end).</summary>
    internal static string Shorten(string text)
    {
        if (text.Length <= MaxSubtitleLength)
        {
            return text;
        }
        var tail = MaxSubtitleLength / 2;
        var head = MaxSubtitleLength - tail - 1;
        return string.Concat(text.AsSpan(0, head), "…", text.AsSpan(text.Length - tail));
    }
}
