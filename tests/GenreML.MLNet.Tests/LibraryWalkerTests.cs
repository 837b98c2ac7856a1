using GenreML.Core.IO;
using GenreML.MLNet.Library;
using GenreML.Testing;

namespace GenreML.MLNet.Tests;

public sealed class LibraryWalkerTests
{
    [Fact]
    public void A_directory_symlink_loop_is_walked_once()
    {
        using var audio = new TestAudio();
        audio.AddBroken("a/one.wav");
        audio.AddBroken("a/b/two.mp3");
        Directory.CreateSymbolicLink(Path.Combine(audio.Root, "a", "b", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(audio.Root, "a", "top"), audio.Root);
        var walker = new LibraryWalker();

        List<LibraryFile> files = walker.Walk([audio.Root]).ToList();

        Assert.Equal(["a/one.wav", "a/b/two.mp3"], files.Select(f => f.RelativePath));
        Assert.Equal(2, walker.SkipCounts[SkipReason.AlreadyVisited]);
    }

    [Fact]
    public void Strays_and_broken_links_are_counted_by_reason()
    {
        using var audio = new TestAudio();
        audio.AddBroken("x/song.FLAC");
        File.WriteAllText(Path.Combine(audio.Root, "x", "cover.jpg"), "jpeg");
        File.CreateSymbolicLink(Path.Combine(audio.Root, "x", "gone.wav"), Path.Combine(audio.Root, "nowhere.wav"));
        var walker = new LibraryWalker();

        List<LibraryFile> files = walker.Walk([audio.Root]).ToList();

        Assert.Equal("x/song.FLAC", Assert.Single(files).RelativePath);
        Assert.Equal(1, walker.SkipCounts[SkipReason.NotAudio]);
        Assert.Equal(1, walker.SkipCounts[SkipReason.BrokenLink]);
    }

    [SkippableFact]
    public void Names_that_are_not_UTF8_are_listed_by_their_raw_bytes()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "raw names are read on Linux.");
        using var audio = new TestAudio();
        audio.AddBroken("plain.wav");
        audio.AddBroken("sub/x.wav");
        string folder = RawFileNames.Latin1(audio.Root, "caf", " folder");
        RawFileNames.MoveTo(Path.Combine(audio.Root, "sub"), folder);
        string first = RawFileNames.Latin1(audio.Root, "caf", ".wav");
        string second = Path.Join(audio.Root, EscapedPath.FromBytes([.. "caf"u8, 0xE8, .. ".wav"u8]));
        RawFileNames.MoveTo(audio.AddBroken("a.wav"), first);
        RawFileNames.MoveTo(audio.AddBroken("b.wav"), second);
        var walker = new LibraryWalker();

        List<LibraryFile> files = walker.Walk([audio.Root]).ToList();

        try
        {
            Assert.Empty(walker.Skipped);
            Assert.Equal(["caf\uDCE8.wav", "caf\uDCE9.wav", "plain.wav", "caf\uDCE9 folder/x.wav"], files.Select(f => f.RelativePath));
            Assert.Equal([second, first, Path.Join(audio.Root, "plain.wav"), Path.Join(folder, "x.wav")], files.Select(f => f.Path));
            Assert.All(files, f => Assert.True(InputFile.Exists(f.Path)));
        }
        finally
        {
            RawFileNames.DeleteTree(audio.Root);
        }
    }

    [SkippableFact]
    public void A_shard_hashes_the_raw_bytes_of_a_name()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows names are UTF-16.");
        byte[] raw = [.. "caf"u8, 0xE9, .. ".wav"u8];
        ulong hash = 14695981039346656037UL;
        foreach (byte b in raw)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        Assert.Equal((int)(hash % 7), ShardSelector.ShardOf(EscapedPath.FromBytes(raw), 7));
        Assert.Equal(ShardSelector.ShardOf("caf\u00e9.wav", 1000), ShardSelector.ShardOf(EscapedPath.FromBytes("caf\u00e9.wav"u8), 1000));
    }

    [Fact]
    public void A_file_given_directly_is_listed_whatever_its_extension()
    {
        var walker = new LibraryWalker();
        Assert.Equal([new LibraryFile("/x/y/song.bin", "song.bin")], walker.Walk(["/x/y/song.bin"]).ToList());
    }
}
