using GenreML.Training.Data;

namespace GenreML.Training.Tests;

public sealed class DatasetScannerTests
{
    [Fact]
    public void FolderScanSortsLabelsFindsNestedAudioAndIgnoresOtherFiles()
    {
        using var tmp = new TempDirectory();
        Directory.CreateDirectory(tmp.Combine("rock", "live"));
        Directory.CreateDirectory(tmp.Combine("blues"));
        File.WriteAllText(tmp.Combine("rock", "rock.00001.mp3"), "x");
        File.WriteAllText(tmp.Combine("rock", "live", "rock.00002.FLAC"), "x");
        File.WriteAllText(tmp.Combine("rock", "notes.txt"), "x");
        File.WriteAllText(tmp.Combine("blues", "blues.00001.au"), "x");

        var data = DatasetScanner.Scan(tmp.Path);

        Assert.Equal(["blues", "rock"], data.Labels);
        Assert.Equal(3, data.Clips.Count);
        Assert.Equal(2, data.CountsPerLabel()["rock"]);
        Assert.Contains(data.Clips, c => c.Name == "rock.00002" && c.Label == "rock");
    }

    [Fact]
    public void EmptyGenreFolderIsAnError()
    {
        using var tmp = new TempDirectory();
        Directory.CreateDirectory(tmp.Combine("jazz"));
        Directory.CreateDirectory(tmp.Combine("pop"));
        File.WriteAllText(tmp.Combine("pop", "a.wav"), "x");
        var e = Assert.Throws<DatasetException>(() => DatasetScanner.Scan(tmp.Path));
        Assert.Contains("jazz", e.Message);
    }

    [Fact]
    public void DuplicateClipNamesAcrossFoldersAreAnError()
    {
        using var tmp = new TempDirectory();
        Directory.CreateDirectory(tmp.Combine("a"));
        Directory.CreateDirectory(tmp.Combine("b"));
        File.WriteAllText(tmp.Combine("a", "song.wav"), "x");
        File.WriteAllText(tmp.Combine("b", "song.mp3"), "x");
        var e = Assert.Throws<DatasetException>(() => DatasetScanner.Scan(tmp.Path));
        Assert.Contains("'song'", e.Message);
    }

    [Fact]
    public void ManifestResolvesRelativePathsAndSkipsHeader()
    {
        using var tmp = new TempDirectory();
        Directory.CreateDirectory(tmp.Combine("audio"));
        File.WriteAllText(tmp.Combine("audio", "x1.wav"), "x");
        File.WriteAllText(tmp.Combine("audio", "x2.wav"), "x");
        File.WriteAllText(tmp.Combine("list.csv"), "path,label\naudio/x1.wav,jazz\n\n# comment\naudio/x2.wav,pop\n");

        var data = DatasetScanner.Scan(tmp.Combine("list.csv"));

        Assert.Equal(["jazz", "pop"], data.Labels);
        Assert.Equal(tmp.Combine("audio", "x1.wav"), data.Clips[0].Path);
    }

    [Theory]
    [InlineData("a.wav,jazz\nb.wav,\n", ":2: empty label")]
    [InlineData("a.wav,jazz\nmissing.wav,pop\n", ":2: file")]
    [InlineData("a.wav,jazz\na.wav,pop\n", "listed twice (first on line 1)")]
    [InlineData("a.wav jazz\n", ":1: expected 'path,label'")]
    public void ManifestProblemsNameTheLine(string manifest, string expected)
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.Combine("a.wav"), "x");
        File.WriteAllText(tmp.Combine("b.wav"), "x");
        File.WriteAllText(tmp.Combine("m.csv"), manifest);
        var e = Assert.Throws<DatasetException>(() => DatasetScanner.Scan(tmp.Combine("m.csv")));
        Assert.Contains(expected, e.Message);
        Assert.Contains("m.csv", e.Message);
    }
}
