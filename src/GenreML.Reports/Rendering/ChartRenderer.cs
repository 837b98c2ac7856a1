using GenreML.Core.IO;
using OxyPlot;
using OxyPlot.SkiaSharp;
using SkiaSharp;

namespace GenreML.Reports.Rendering;

/// <summary>
/// Renders OxyPlot models to PNG (SkiaSharp raster, headless) or SVG, alone or several in a grid on one image.
/// Output depends only on the model, the size and the installed font, so it is reproducible.
/// </summary>
public static class ChartRenderer
{
    /// <summary>Renders <paramref name="model"/> to PNG bytes of exactly <paramref name="size"/>.</summary>
    public static byte[] ToPng(PlotModel model, ChartSize size)
    {
        ArgumentNullException.ThrowIfNull(model);
        return GridToPng([model], columns: 1, size);
    }

    /// <summary>
    /// Renders <paramref name="panels"/> row by row, <paramref name="columns"/> per row, each in a cell of
    /// <paramref name="panelSize"/>, onto one PNG of (columns × width) by (rows × height) pixels.
    /// </summary>
    /// <exception cref="ArgumentException">There are no panels or <paramref name="columns"/> is not positive.</exception>
    public static byte[] GridToPng(IReadOnlyList<PlotModel> panels, int columns, ChartSize panelSize)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0)
        {
            throw new ArgumentException("a chart grid needs at least one panel", nameof(panels));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        columns = Math.Min(columns, panels.Count);
        var rows = (panels.Count + columns - 1) / columns;
        var width = checked(columns * panelSize.Width);
        var height = checked(rows * panelSize.Height);

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            for (var i = 0; i < panels.Count; i++)
            {
                var model = panels[i] ?? throw new ArgumentException($"panel {i} is null", nameof(panels));
                canvas.Save();
                canvas.Translate(i % columns * panelSize.Width, i / columns * panelSize.Height);
                canvas.ClipRect(new SKRect(0, 0, panelSize.Width, panelSize.Height));
                RenderOnto(canvas, model, panelSize);
                canvas.Restore();
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// Renders <paramref name="model"/> to an SVG document of <paramref name="size"/>: OxyPlot's own SVG writer (text
    /// stays text, markers stay circles) with text measured by SkiaSharp in the chart font, so the layout matches the PNG.
    /// </summary>
    public static string ToSvg(PlotModel model, ChartSize size)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var measurer = new SkiaRenderContext { RenderTarget = RenderTarget.VectorGraphic, UseTextShaping = true };
        var exporter = new OxyPlot.SvgExporter { Width = size.Width, Height = size.Height, TextMeasurer = measurer };
        return exporter.ExportToString(model);
    }

    /// <summary>Renders <paramref name="model"/> and writes it to <paramref name="path"/> as PNG, atomically.</summary>
    public static void SavePng(PlotModel model, ChartSize size, string path) =>
        AtomicFile.WriteAllBytes(path, ToPng(model, size));

    /// <summary>Renders <paramref name="model"/> and writes it to <paramref name="path"/> as SVG, atomically.</summary>
    public static void SaveSvg(PlotModel model, ChartSize size, string path) =>
        AtomicFile.WriteAllText(path, ToSvg(model, size));

    private static void RenderOnto(SKCanvas canvas, PlotModel model, ChartSize size)
    {
        using var context = new SkiaRenderContext
        {
            RenderTarget = RenderTarget.PixelGraphic,
            SkCanvas = canvas,
            UseTextShaping = true,
        };
        ((IPlotModel)model).Update(true);
        if (model.Background.IsVisible())
        {
            canvas.DrawColor(model.Background.ToSKColor());
        }
        ((IPlotModel)model).Render(context, new OxyRect(0, 0, size.Width, size.Height));
    }
}
