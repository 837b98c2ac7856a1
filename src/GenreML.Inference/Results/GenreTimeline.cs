namespace GenreML.Inference.Results;

/// <summary>Merges per-window predictions into a genre timeline: consecutive windows with the same top genre become one <see cref="GenreSegment"/>.</summary>
public static class GenreTimeline
{
    /// <summary>The segments of <paramref name="windows"/> (in time order), contiguous from the first window's start to the last one's end.</summary>
    public static IReadOnlyList<GenreSegment> Segments(IReadOnlyList<WindowPrediction> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var segments = new List<GenreSegment>();
        int first = 0;
        for (int w = 1; w <= windows.Count; w++)
        {
            if (w < windows.Count && windows[w].Genre == windows[first].Genre)
            {
                continue;
            }

            double sum = 0;
            for (int i = first; i < w; i++)
            {
                sum += windows[i].Confidence;
            }

            TimeSpan end = w < windows.Count ? windows[w].Start : windows[w - 1].End;
            segments.Add(new GenreSegment(windows[first].Start, end, windows[first].Genre, (float)(sum / (w - first))));
            first = w;
        }

        return segments;
    }
}
