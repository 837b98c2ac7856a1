using GenreML.Testing;
using GenreML.Training.Data;
using GenreML.Training.Splits;

namespace GenreML.Training.Tests;

public sealed class SplitTests
{
    private static Dataset MakeDataset(params (string Label, int Count)[] counts)
    {
        var clips = counts.SelectMany(c => Enumerable.Range(0, c.Count).Select(i => new LabeledClip($"/d/{c.Label}/{c.Label}.{i:D5}.wav", c.Label)));
        return new Dataset("/d", counts.Select(c => c.Label).ToArray(), clips);
    }

    [Fact]
    public void StratifiedSplitIsDisjointProportionalAndSeeded()
    {
        var data = MakeDataset(("blues", 60), ("pop", 10), ("reggae", 3), ("solo", 1));

        var a = StratifiedSplitter.Split(data, seed: 1);
        var b = StratifiedSplitter.Split(data, seed: 1);
        var c = StratifiedSplitter.Split(data, seed: 2);

        var all = a.Train.Concat(a.Valid).Concat(a.Test).Select(x => x.Name).ToList();
        Assert.Equal(data.Clips.Count, all.Distinct().Count());
        Assert.Equal(data.Clips.Count, all.Count);
        Assert.Equal(9, a.Valid.Count(x => x.Label == "blues"));
        Assert.Equal(9, a.Test.Count(x => x.Label == "blues"));
        Assert.Equal(1, a.Valid.Count(x => x.Label == "reggae"));
        Assert.Equal(1, a.Test.Count(x => x.Label == "reggae"));
        Assert.Single(a.Train, x => x.Label == "solo");
        Assert.Equal(a.ToText(), b.ToText());
        Assert.NotEqual(a.ToText(), c.ToText());
        Assert.Contains("70/15/15, seed 1", a.Description);
    }

    [Fact]
    public void SplitTextRoundTripsThroughSplitFile()
    {
        var data = MakeDataset(("blues", 20), ("pop", 20));
        var split = StratifiedSplitter.Split(data, seed: 3);
        string path = Path.Combine(Path.GetTempPath(), $"split-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, split.ToText());
            var result = SplitFile.Apply(data, path);
            Assert.Empty(result.UnknownNames);
            Assert.Empty(result.UnlistedClips);
            Assert.Equal(split.ToText(), result.Split.ToText());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SplitFileReportsUnknownAndUnlistedNames()
    {
        var data = MakeDataset(("blues", 3));
        string path = Path.Combine(Path.GetTempPath(), $"split-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, "blues.00000 train\nblues.00001 valid\nghost.00009 test\n");
            var result = SplitFile.Apply(data, path);
            Assert.Equal(["ghost.00009"], result.UnknownNames);
            Assert.Equal("blues.00002", Assert.Single(result.UnlistedClips).Name);
            Assert.Single(result.Split.Train);
            Assert.Single(result.Split.Valid);
            Assert.Empty(result.Split.Test);

            File.WriteAllText(path, "blues.00000 train\nblues.00000 valid\n");
            Assert.Contains(":2: 'blues.00000' is listed twice", Assert.Throws<DatasetException>(() => SplitFile.Apply(data, path)).Message);
            File.WriteAllText(path, "blues.00000 holdout\n");
            Assert.Contains(":1: unknown part 'holdout'", Assert.Throws<DatasetException>(() => SplitFile.Apply(data, path)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SkippableFact]
    public void RealGtzanSplitFileMatchesTheDevelopmentSet()
    {
        string? root = SharedData.GtzanDev;
        Skip.If(root is null || !File.Exists(Path.Combine(root, "split.txt")), "the shared gtzan-dev folder (with split.txt) is absent");

        var data = DatasetScanner.Scan(root!);
        var result = SplitFile.Apply(data, Path.Combine(root!, "split.txt"));
        Assert.Empty(result.UnknownNames);
        Assert.Empty(result.UnlistedClips);
        Assert.Equal(147, result.Split.Train.Count);
        Assert.Equal(90, result.Split.Valid.Count);
    }
}
