using OxyPlot;
using OxyPlot.Legends;
using GenreML.Reports.Rendering;

namespace GenreML.Reports.Charts;

/// <summary>Fonts, sizes and colours shared by every chart, so the report looks like one piece.</summary>
internal static class ChartTheme
{
    public const double FontSize = 12;
    public const double TitleFontSize = 15;
    public const double SubtitleFontSize = 11;

    /// <summary>Training series (blue).</summary>
    public static readonly OxyColor Train = OxyColor.FromRgb(0x1f, 0x77, 0xb4);

    /// <summary>Validation series (orange).</summary>
    public static readonly OxyColor Validation = OxyColor.FromRgb(0xff, 0x7f, 0x0e);

    /// <summary>Learning rate (grey-green).</summary>
    public static readonly OxyColor LearningRate = OxyColor.FromRgb(0x2c, 0x7f, 0x5c);

    /// <summary>The best-epoch marker (green).</summary>
    public static readonly OxyColor Best = OxyColor.FromRgb(0x2c, 0xa0, 0x2c);

    /// <summary>Wrong predictions (red).</summary>
    public static readonly OxyColor Wrong = OxyColor.FromRgb(0xc6, 0x28, 0x28);

    /// <summary>Major grid lines: solid and light (dotted lines become thousands of tiny squares in SVG).</summary>
    public static readonly OxyColor Grid = OxyColor.FromRgb(0xe4, 0xe4, 0xe4);

    /// <summary>Plain text.</summary>
    public static readonly OxyColor Text = OxyColor.FromRgb(0x20, 0x20, 0x20);

    /// <summary>A new model with the shared font, sizes and white background.</summary>
    public static PlotModel NewModel(string title, string? subtitle = null) => new()
    {
        Title = title,
        Subtitle = subtitle,
        DefaultFont = ChartFont.Family,
        DefaultFontSize = FontSize,
        TitleFontSize = TitleFontSize,
        SubtitleFontSize = SubtitleFontSize,
        TitleFontWeight = FontWeights.Bold,
        Background = OxyColors.White,
        TextColor = Text,
        PlotAreaBorderColor = OxyColor.FromRgb(0x60, 0x60, 0x60),
        Padding = new OxyThickness(8),
    };

    /// <summary>A horizontal legend centred above the plot area.</summary>
    public static Legend TopLegend() => new()
    {
        LegendPlacement = LegendPlacement.Outside,
        LegendPosition = LegendPosition.TopCenter,
        LegendOrientation = LegendOrientation.Horizontal,
        LegendBorderThickness = 0,
        LegendFontSize = FontSize,
        LegendItemSpacing = 16,
    };
}
