using System.Globalization;

namespace GenreML.Cli.Reporting;

/// <summary>Times for people: m:ss under an hour, h:mm:ss from an hour on (never wrapping at 60 minutes).</summary>
internal static class TimeText
{
    /// <summary>Formats <paramref name="time"/> (truncated to whole seconds).</summary>
    public static string Format(TimeSpan time) =>
        time.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{time.Minutes}:{time.Seconds:00}");
}
