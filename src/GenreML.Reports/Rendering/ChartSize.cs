namespace GenreML.Reports.Rendering;

/// <summary>The size of a rendered chart in pixels (at 96 DPI, one OxyPlot unit is one pixel).</summary>
public readonly record struct ChartSize
{
    /// <summary>Creates a size; both sides must be between 16 and 16 384 pixels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is out of range.</exception>
    public ChartSize(int width, int height)
    {
        if (width is < 16 or > 16384)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "chart width must be 16–16384 pixels");
        }
        if (height is < 16 or > 16384)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, "chart height must be 16–16384 pixels");
        }
        Width = width;
        Height = height;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Width}×{Height}";
}
