using System.Globalization;
using GenreML.Audio;
using GenreML.Audio.Features;
using GenreML.Training.Features;

namespace GenreML.Training.Tests;

/// <summary>
/// A stand-in for the real front end: each "audio" file is a text line "<class> <seed>" and becomes a
/// spectrogram of noise around -40 dB with a bright block of bands that depends on the class, so a tiny
/// network can learn it. A file reading "corrupt" throws like a broken decoder.
/// </summary>
internal sealed class SyntheticFeaturizer : IClipFeaturizer
{
    public const int Bands = 16;

    public SyntheticFeaturizer(int classes, int frames = 48)
    {
        Classes = classes;
        Frames = frames;
    }

    public int Classes { get; }

    public int Frames { get; }

    public int Calls { get; private set; }

    public LogMelOptions Options { get; } = new() { MelBands = Bands };

    public Spectrogram Featurize(string path)
    {
        Calls++;
        string text = File.ReadAllText(path).Trim();
        if (text == "corrupt") throw new AudioFormatException(path, "synthetic corrupt file");
        string[] parts = text.Split(' ');
        int label = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int seed = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var rng = new Random(seed);
        var data = new float[Bands * Frames];
        int blockSize = Bands / Classes;
        for (int b = 0; b < Bands; b++)
        {
            bool bright = b / blockSize == label;
            for (int t = 0; t < Frames; t++)
            {
                data[b * Frames + t] = -40f + (float)(rng.NextDouble() * 6 - 3) + (bright ? 15f : 0f);
            }
        }

        return new Spectrogram(data, Bands, Frames);
    }

    /// <summary>Writes <paramref name="perClass"/> files per class under <paramref name="root"/>/&lt;label&gt;/; returns the labels.</summary>
    public static string[] WriteDataset(string root, int classes, int perClass, int seed = 7)
    {
        var labels = Enumerable.Range(0, classes).Select(k => $"genre{k}").ToArray();
        int n = 0;
        for (int k = 0; k < classes; k++)
        {
            string dir = Path.Combine(root, labels[k]);
            Directory.CreateDirectory(dir);
            for (int i = 0; i < perClass; i++)
            {
                File.WriteAllText(Path.Combine(dir, $"{labels[k]}.{i:D5}.wav"), $"{k} {seed * 1000 + n++}");
            }
        }

        return labels;
    }
}
