using GenreML.Training.Data;

namespace GenreML.Training.Splits;

/// <summary>
/// Splits clips per label with a seeded shuffle so that every part keeps the label proportions.
/// For each label of n clips: round(n·valid) validation and round(n·test) test clips, at least one
/// each when n ≥ 3, the rest training.
/// </summary>
public static class StratifiedSplitter
{
    /// <summary>Splits <paramref name="dataset"/>; fractions must be in [0, 1) and sum below 1.</summary>
    public static DatasetSplit Split(Dataset dataset, int seed, double validFraction = 0.15, double testFraction = 0.15)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (validFraction < 0 || testFraction < 0 || validFraction + testFraction >= 1)
            throw new ArgumentOutOfRangeException(nameof(validFraction), $"fractions valid={validFraction} test={testFraction} must be ≥ 0 and sum below 1");

        var train = new List<LabeledClip>();
        var valid = new List<LabeledClip>();
        var test = new List<LabeledClip>();
        foreach (string label in dataset.Labels)
        {
            var clips = dataset.Clips.Where(c => c.Label == label).ToArray();
            var rng = new Random(unchecked(seed * 486187739 + StableHash(label)));
            rng.Shuffle(clips);
            int n = clips.Length;
            int nValid = (int)Math.Round(n * validFraction, MidpointRounding.AwayFromZero);
            int nTest = (int)Math.Round(n * testFraction, MidpointRounding.AwayFromZero);
            if (n >= 3)
            {
                if (validFraction > 0) nValid = Math.Max(nValid, 1);
                if (testFraction > 0) nTest = Math.Max(nTest, 1);
            }

            while (nValid + nTest >= n && nValid + nTest > 0)
            {
                if (nTest >= nValid) nTest--; else nValid--;
            }

            valid.AddRange(clips.Take(nValid));
            test.AddRange(clips.Skip(nValid).Take(nTest));
            train.AddRange(clips.Skip(nValid + nTest));
        }

        string description = $"stratified {Percent(1 - validFraction - testFraction)}/{Percent(validFraction)}/{Percent(testFraction)}, seed {seed}";
        return new DatasetSplit(description, Sorted(train), Sorted(valid), Sorted(test));
    }

    private static IReadOnlyList<LabeledClip> Sorted(List<LabeledClip> clips) =>
        clips.OrderBy(c => c.Path, StringComparer.Ordinal).ToArray();

    private static string Percent(double f) => Math.Round(f * 100).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int StableHash(string s)
    {
        unchecked
        {
            int h = (int)2166136261;
            foreach (char c in s) h = (h ^ c) * 16777619;
            return h;
        }
    }
}
