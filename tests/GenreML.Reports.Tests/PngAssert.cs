using SkiaSharp;

namespace GenreML.Reports.Tests;

/// <summary>Checks on rendered PNG bytes: they decode, have the expected size, and are not blank.</summary>
internal static class PngAssert
{
    /// <summary>Decodes the PNG and checks its size and that its grey levels vary (a blank image has variance 0).</summary>
    public static SKBitmap DecodesWithContent(byte[] png, int width, int height, double minimumVariance = 100)
    {
        Assert.True(png.Length > 8, "PNG is empty");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        var variance = GreyVariance(bitmap, new SKRectI(0, 0, width, height));
        Assert.True(variance > minimumVariance, $"image looks blank: grey variance {variance:0.0} ≤ {minimumVariance}");
        return bitmap;
    }

    /// <summary>Variance of the grey level (0–255) over <paramref name="area"/>.</summary>
    public static double GreyVariance(SKBitmap bitmap, SKRectI area)
    {
        double sum = 0, sumSquares = 0;
        var n = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                var grey = Grey(bitmap.GetPixel(x, y));
                sum += grey;
                sumSquares += grey * grey;
                n++;
            }
        }
        var mean = sum / n;
        return sumSquares / n - mean * mean;
    }

    /// <summary>Number of pixels in <paramref name="area"/> clearly darker than white.</summary>
    public static int InkPixels(SKBitmap bitmap, SKRectI area)
    {
        var count = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                if (Grey(bitmap.GetPixel(x, y)) < 160)
                {
                    count++;
                }
            }
        }
        return count;
    }

    /// <summary>Number of pixels in <paramref name="area"/> that are strongly red (red well above green and blue).</summary>
    public static int RedPixels(SKBitmap bitmap, SKRectI area)
    {
        var count = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red > 150 && c.Green < 90 && c.Blue < 90)
                {
                    count++;
                }
            }
        }
        return count;
    }

    private static double Grey(SKColor c) => 0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue;
}
