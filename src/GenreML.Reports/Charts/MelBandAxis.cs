using System.Globalization;
using OxyPlot.Axes;

namespace GenreML.Reports.Charts;

/// <summary>
/// A vertical axis in Mel-band units (band b drawn at y = b) whose ticks sit at round frequencies
/// (50 Hz … 16 kHz) and are labelled in Hz, found by interpolating the band centre frequencies.
/// </summary>
internal sealed class MelBandAxis : LinearAxis
{
    private static readonly double[] TickHz = [50, 100, 200, 500, 1000, 2000, 4000, 8000, 16000];

    /// <summary>Smallest distance between two ticks, as a fraction of the axis.</summary>
    private const double MinimumTickGap = 0.07;

    private readonly double[] centerHz;

    public MelBandAxis(double[] bandCenterHz)
    {
        centerHz = bandCenterHz;
        Position = AxisPosition.Left;
        Minimum = -0.5;
        Maximum = bandCenterHz.Length - 0.5;
        IsPanEnabled = false;
        IsZoomEnabled = false;
        LabelFormatter = band => FormatHz(HzAt(band));
    }

    /// <inheritdoc />
    public override void GetTickValues(out IList<double> majorLabelValues, out IList<double> majorTickValues, out IList<double> minorTickValues)
    {
        // From the top down, skip a round frequency that would crowd the one above it (the low ones bunch up).
        var minimumGap = MinimumTickGap * centerHz.Length;
        var ticks = new List<double>();
        for (var i = TickHz.Length - 1; i >= 0; i--)
        {
            var hz = TickHz[i];
            if (hz < centerHz[0] || hz > centerHz[^1])
            {
                continue;
            }
            var band = BandAt(hz);
            if (ticks.Count == 0 || ticks[^1] - band >= minimumGap)
            {
                ticks.Add(band);
            }
        }
        ticks.Reverse();
        majorLabelValues = ticks;
        majorTickValues = ticks;
        minorTickValues = [];
    }

    /// <summary>The (fractional) band position of frequency <paramref name="hz"/>, which lies within the centre range.</summary>
    private double BandAt(double hz)
    {
        var upper = Array.BinarySearch(centerHz, hz);
        if (upper >= 0)
        {
            return upper;
        }
        upper = ~upper;
        var lower = upper - 1;
        return lower + (hz - centerHz[lower]) / (centerHz[upper] - centerHz[lower]);
    }

    /// <summary>The frequency at (fractional) band position <paramref name="band"/>, clamped to the centre range.</summary>
    private double HzAt(double band)
    {
        if (band <= 0)
        {
            return centerHz[0];
        }
        if (band >= centerHz.Length - 1)
        {
            return centerHz[^1];
        }
        var lower = (int)Math.Floor(band);
        var fraction = band - lower;
        return centerHz[lower] + fraction * (centerHz[lower + 1] - centerHz[lower]);
    }

    private static string FormatHz(double hz)
    {
        var rounded = Math.Round(hz);
        return rounded >= 1000
            ? (rounded / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k"
            : rounded.ToString("0", CultureInfo.InvariantCulture);
    }
}
