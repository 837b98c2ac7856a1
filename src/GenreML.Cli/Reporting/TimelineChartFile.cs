using GenreML.Core.IO;
using GenreML.Inference.Results;
using GenreML.Reports.Charts;
using GenreML.Reports.Rendering;

namespace GenreML.Cli.Reporting;

/// <summary><c>predict --timeline --chart t.png</c>: the stacked genre probabilities of one file over time, written atomically.</summary>
internal static class TimelineChartFile
{
    /// <summary>Writes the chart of <paramref name="prediction"/> (which must carry its windows) to <paramref name="path"/>.</summary>
    public static void Write(string path, GenrePrediction prediction, IReadOnlyList<string> labels)
    {
        IReadOnlyList<WindowPrediction> windows = prediction.Windows ?? [];
        double[] times = windows.Select(w => (w.Start + w.End).TotalSeconds / 2).ToArray();
        IReadOnlyList<float>[] probabilities = windows.Select(w => w.Probabilities).ToArray();
        var model = GenreTimelineChart.Build(labels, times, probabilities, $"Genre timeline: {prediction.Genre} overall");
        AtomicFile.WriteAllBytes(path, ChartRenderer.ToPng(model, new ChartSize(1000, 420)));
    }
}
