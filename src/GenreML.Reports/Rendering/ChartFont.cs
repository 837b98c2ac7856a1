using SkiaSharp;

namespace GenreML.Reports.Rendering;

/// <summary>
/// The one font family every chart uses.
/// </summary>
/// <remarks>
/// OxyPlot's default family ("Segoe UI") does not exist on Linux, and the SkiaSharp native build we ship
/// (NativeAssets.Linux.NoDependencies, no fontconfig) then silently substitutes the first family it finds under
/// /usr/share/fonts — on a Debian machine with fonts-dejavu-core that is "DejaVu Math TeX Gyre", a serif.
/// So we name <see cref="Preferred"/> ("DejaVu Sans", installed by our setup script) explicitly; if it is missing we
/// fall back to SkiaSharp's default family, and if that has no glyphs (no font installed) we fail loudly instead of rendering charts
/// without text. We do not bundle a font: that would add ~750 KB to the package for a font the setup installs anyway.
/// </remarks>
public static class ChartFont
{
    /// <summary>The family we ask for: DejaVu Sans (Debian package fonts-dejavu-core).</summary>
    public const string Preferred = "DejaVu Sans";

    private static readonly Lazy<string> Resolved = new(Resolve);

    /// <summary>The family actually used: <see cref="Preferred"/> when installed, otherwise SkiaSharp's default family.</summary>
    /// <exception cref="InvalidOperationException">No font is installed where SkiaSharp looks (/usr/share/fonts on Linux).</exception>
    public static string Family => Resolved.Value;

    private static string Resolve()
    {
        // Not disposed: SkiaSharp may hand out one shared wrapper per native typeface, which OxyPlot also uses.
        var typeface = SKTypeface.FromFamilyName(Preferred);
        if (typeface is not null && typeface.FamilyName == Preferred && typeface.GlyphCount > 0)
        {
            return Preferred;
        }
        var fallback = SKTypeface.Default;
        if (fallback is not null && fallback.GlyphCount > 0 && !string.IsNullOrEmpty(fallback.FamilyName))
        {
            return fallback.FamilyName;
        }
        throw new InvalidOperationException(
            $"No fonts found for chart text: SkiaSharp sees no installed font families. Install '{Preferred}' " +
            "(Debian/Ubuntu: apt-get install fonts-dejavu-core) so that it lies under /usr/share/fonts.");
    }
}
