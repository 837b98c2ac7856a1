using GenreML.Reports.Charts;
using GenreML.Reports.Rendering;
using OxyPlot;
using SkiaSharp;

namespace GenreML.Reports.Tests;

public class TextRenderingTests
{
    private static readonly ChartSize Small = new(240, 80);

    private static SKBitmap RenderTitle(string text)
    {
        var model = ChartTheme.NewModel(text);
        model.PlotAreaBorderThickness = new OxyThickness(0);
        return SKBitmap.Decode(ChartRenderer.ToPng(model, Small));
    }

    [Fact]
    public void Title_text_puts_ink_in_the_title_area()
    {
        using var bitmap = RenderTitle("classical");
        var ink = PngAssert.InkPixels(bitmap, new SKRectI(0, 0, Small.Width, 40));
        Assert.True(ink > 60, $"title area has only {ink} dark pixels: text did not render");
    }

    [Fact]
    public void Different_strings_of_equal_length_render_differently_so_glyphs_are_not_tofu_boxes()
    {
        using var jazz = RenderTitle("jazz");
        using var rock = RenderTitle("rock");
        var differing = 0;
        for (var y = 0; y < 40; y++)
        {
            for (var x = 0; x < Small.Width; x++)
            {
                if (jazz.GetPixel(x, y) != rock.GetPixel(x, y))
                {
                    differing++;
                }
            }
        }
        Assert.True(differing > 40, $"'jazz' and 'rock' differ in only {differing} pixels: every glyph draws the same (missing-glyph boxes?)");
    }

    [Fact]
    public void Chart_font_is_a_real_installed_family()
    {
        var family = ChartFont.Family;
        using var typeface = SKTypeface.FromFamilyName(family);
        Assert.Equal(family, typeface.FamilyName);
        Assert.True(typeface.GlyphCount > 100, $"font '{family}' has only {typeface.GlyphCount} glyphs");
        if (!File.Exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
        {
            return; // fonts-dejavu-core not installed here: any installed family is acceptable
        }
        Assert.Equal(ChartFont.Preferred, family);
    }
}
