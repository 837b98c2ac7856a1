using GenreML.Audio.Features;
using GenreML.Inference.Answers;
using GenreML.Inference.Cards;

namespace GenreML.Inference.Results;

/// <summary>
/// Combines window probabilities into a <see cref="GenrePrediction"/> by the card's aggregation rule (the mean),
/// then calibrates them and decides the status with <see cref="ClipVerdict"/>.
/// </summary>
internal static class PredictionBuilder
{
    public static GenrePrediction Build(ModelCard card, float[][] windowProbabilities, TimeSpan duration, bool includeWindows, ClipEvidence evidence, double? minConfidence)
    {
        float[] clip = Mean(card, windowProbabilities);
        ClipVerdict verdict = ClipVerdict.Decide(card, evidence, clip, windowProbabilities, minConfidence);
        GenreScore[] scores = Rank(card.Labels, verdict.Probabilities);
        return new GenrePrediction
        {
            Status = verdict.Status,
            NotMusicScore = verdict.NotMusicScore,
            Genre = scores[0].Genre,
            Confidence = scores[0].Probability,
            Scores = scores,
            Duration = duration,
            WindowCount = windowProbabilities.Length,
            Windows = includeWindows ? Windows(card, windowProbabilities, duration) : null,
        };
    }

    /// <summary>The clip probabilities: the mean of the window probabilities, summed in double in window order.</summary>
    public static float[] Mean(ModelCard card, float[][] windowProbabilities)
    {
        int classes = card.Labels.Count;
        var mean = new double[classes];
        foreach (float[] row in windowProbabilities)
        {
            for (int c = 0; c < classes; c++)
            {
                mean[c] += row[c];
            }
        }

        var clip = new float[classes];
        for (int c = 0; c < classes; c++)
        {
            clip[c] = (float)(mean[c] / windowProbabilities.Length);
        }

        return clip;
    }

    private static GenreScore[] Rank(IReadOnlyList<string> labels, float[] probabilities)
    {
        var scores = new GenreScore[labels.Count];
        for (int c = 0; c < scores.Length; c++)
        {
            scores[c] = new GenreScore(labels[c], probabilities[c]);
        }

        // A stable sort keeps the card's label order among equal probabilities.
        return scores.OrderByDescending(s => s.Probability).ToArray();
    }

    private static WindowPrediction[] Windows(ModelCard card, float[][] rows, TimeSpan duration)
    {
        LogMelOptions features = card.Features;
        double secondsPerFrame = (double)features.HopLength / features.SampleRate;
        var windows = new WindowPrediction[rows.Length];
        for (int w = 0; w < rows.Length; w++)
        {
            int best = 0;
            for (int c = 1; c < rows[w].Length; c++)
            {
                if (rows[w][c] > rows[w][best])
                {
                    best = c;
                }
            }

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
}
