using GenreML.Audio.Features;
using GenreML.Inference.Cards;

namespace GenreML.Inference.Results;

/// <summary>
/// Places window probabilities in time (<see cref="Windows"/>) and merges them into a genre timeline: consecutive windows
/// with the same top genre become one <see cref="GenreSegment"/>.
/// </summary>
public static class GenreTimeline
{
    /// <summary>
    /// The windows of a clip of <paramref name="duration"/> in time: window w starts at w × hop frames and lasts the card's
    /// window frames (cut at the end of the clip), its genre the most probable of <paramref name="rows"/>[w] (label order).
    /// </summary>
    /// <exception cref="ArgumentException">A row does not have one probability per label.</exception>
    public static WindowPrediction[] Windows(ModelCard card, IReadOnlyList<float[]> rows, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(rows);
        LogMelOptions features = card.Features;
        double secondsPerFrame = (double)features.HopLength / features.SampleRate;
        var windows = new WindowPrediction[rows.Count];
        for (int w = 0; w < rows.Count; w++)
        {
            if (rows[w].Length != card.Labels.Count)
                throw new ArgumentException($"window {w} has {rows[w].Length} probabilities for {card.Labels.Count} labels", nameof(rows));
            int best = ClipAggregation.ArgMax(rows[w]);
            double start = (double)w * card.WindowHop * secondsPerFrame;
            double end = Math.Min(start + card.WindowFrames * secondsPerFrame, duration.TotalSeconds);
            windows[w] = new WindowPrediction
            {
                Start = TimeSpan.FromSeconds(Math.Min(start, duration.TotalSeconds)),
                End = TimeSpan.FromSeconds(end),
                Genre = card.Labels[best],
                Confidence = rows[w][best],
                Probabilities = rows[w],
            };
        }

        return windows;
    }

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
