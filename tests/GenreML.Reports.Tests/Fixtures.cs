using GenreML.Core.Evaluation;
using GenreML.Reports.Data;

namespace GenreML.Reports.Tests;

/// <summary>Small, fixed chart inputs shared by the tests.</summary>
internal static class Fixtures
{
    public static readonly string[] Genres = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"];

    public static IReadOnlyList<EpochPoint> Epochs(int count = 12) => Enumerable.Range(1, count)
        .Select(e => new EpochPoint(
            e,
            TrainLoss: 2.0 * Math.Exp(-e / 4.0) + 0.1,
            ValLoss: 2.1 * Math.Exp(-e / 5.0) + 0.4,
            TrainAccuracy: 1 - 0.9 * Math.Exp(-e / 3.0),
            ValAccuracy: e == 9 ? 0.8 : 0.7 - 0.6 * Math.Exp(-e / 3.0),
            LearningRate: e <= 6 ? 1e-3 : 1e-4))
        .ToArray();

    public static ConfusionData Confusion(int labels)
    {
        var random = new Random(labels);
        var counts = new int[labels, labels];
        for (var t = 0; t < labels; t++)
        {
            for (var p = 0; p < labels; p++)
            {
                counts[t, p] = t == p ? 15 + random.Next(6) : random.Next(4) == 0 ? random.Next(1, 5) : 0;
            }
        }
        return new ConfusionData(Genres.Take(labels).ToArray(), counts);
    }

    public static IReadOnlyList<ClassMetrics> Scores(int classes = 10) => Genres.Take(classes)
        .Select((g, i) => new ClassMetrics(g, 0.5 + 0.05 * i, 0.9 - 0.04 * i, 0.6 + 0.03 * i, 10 + i))
        .ToArray();

    /// <summary>Slaney-style Mel band centres between 0 and 11 025 Hz: linear below 1 kHz, logarithmic above.</summary>
    public static double[] MelCenters(int bands)
    {
        const double linearHzPerMel = 200.0 / 3, breakMel = 15, logStep = 0.06875177742094912; // ln(6.4) / 27
        static double ToMel(double hz) => hz < 1000 ? hz / linearHzPerMel : breakMel + Math.Log(hz / 1000) / logStep;
        static double ToHz(double mel) => mel < breakMel ? mel * linearHzPerMel : 1000 * Math.Exp((mel - breakMel) * logStep);
        var top = ToMel(11025);
        return Enumerable.Range(1, bands).Select(i => ToHz(top * i / (bands + 1))).ToArray();
    }

    public static SpectrogramExample Spectrogram(string file, string trueLabel, string predicted, int bands = 64, int frames = 216, int seed = 1)
    {
        var random = new Random(seed);
        var values = new float[bands * frames];
        for (var b = 0; b < bands; b++)
        {
            for (var t = 0; t < frames; t++)
            {
                values[b * frames + t] = (float)(-10 - 50.0 * b / bands + 10 * Math.Sin(t / (5.0 + b % 4)) + 6 * random.NextDouble());
            }
        }
        return new SpectrogramExample(file, trueLabel, predicted, values, bands, frames, 512 / 22050.0, MelCenters(bands));
    }
}
