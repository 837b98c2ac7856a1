using GenreML.Audio.Features;
using GenreML.Training.Features;

namespace GenreML.Training.Tests;

public sealed class FeatureCacheTests
{
    private sealed class SettingsFeaturizer(LogMelOptions options, SyntheticFeaturizer inner) : IClipFeaturizer
    {
        public LogMelOptions Options { get; } = options;

        public Spectrogram Featurize(string path) => inner.Featurize(path);
    }

    [Fact]
    public void SecondReadComesFromDiskAndEqualsTheFirst()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.Combine("a.wav"), "1 5");
        var inner = new SyntheticFeaturizer(4);
        var cache = new FeatureCache(inner, tmp.Combine("cache"));

        var first = cache.Featurize(tmp.Combine("a.wav"));
        var again = new FeatureCache(inner, tmp.Combine("cache")).Featurize(tmp.Combine("a.wav"));

        Assert.Equal(1, inner.Calls);
        Assert.Equal(first.Data, again.Data);
        Assert.Equal(first.Frames, again.Frames);
        Assert.Empty(Directory.GetFiles(tmp.Combine("cache"), "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void ChangedContentOrSettingsMissTheCache()
    {
        using var tmp = new TempDirectory();
        string file = tmp.Combine("a.wav");
        File.WriteAllText(file, "1 5");
        var inner = new SyntheticFeaturizer(4);
        new FeatureCache(inner, tmp.Combine("cache")).Featurize(file);

        File.WriteAllText(file, "2 5");
        var changed = new FeatureCache(inner, tmp.Combine("cache")).Featurize(file);
        Assert.Equal(2, inner.Calls);
        Assert.True(changed[9, 0] > -30, "class 2's band block is bright");

        var otherSettings = new SettingsFeaturizer(inner.Options with { HopLength = 256 }, inner);
        new FeatureCache(otherSettings, tmp.Combine("cache")).Featurize(file);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public void DamagedEntryIsRecomputed()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.Combine("a.wav"), "0 1");
        var inner = new SyntheticFeaturizer(4);
        new FeatureCache(inner, tmp.Combine("cache")).Featurize(tmp.Combine("a.wav"));
        string entry = Directory.GetFiles(tmp.Combine("cache"), "*.f32", SearchOption.AllDirectories).Single();
        File.WriteAllBytes(entry, [1, 2, 3]);

        var s = new FeatureCache(inner, tmp.Combine("cache")).Featurize(tmp.Combine("a.wav"));
        Assert.Equal(2, inner.Calls);
        Assert.Equal(SyntheticFeaturizer.Bands * inner.Frames, s.Data.Length);
    }
}
