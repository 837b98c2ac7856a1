using System.Text;
using GenreML.MLNet.Library;

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
    public void A_name_that_is_not_UTF8_is_reported_not_lost()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows names are UTF-16.");
        using var audio = new TestAudio();
        byte[] name = [.. Encoding.UTF8.GetBytes(audio.Root + "/caf"), 0xE9, .. ".wav"u8];
        Assert.Equal(0, Creat(name));
        var walker = new LibraryWalker();

        Assert.Empty(walker.Walk([audio.Root]));
        SkippedEntry skipped = Assert.Single(walker.Skipped);
        Assert.Equal(SkipReason.InvalidName, skipped.Reason);
        Assert.Contains("UTF-8", skipped.Detail);
    }

    [Fact]
    public void A_file_given_directly_is_listed_whatever_its_extension()
    {
        var walker = new LibraryWalker();
        Assert.Equal([new LibraryFile("/x/y/song.bin", "song.bin")], walker.Walk(["/x/y/song.bin"]).ToList());
    }

    /// <summary>Creates an empty file named by raw bytes (which .NET strings cannot express); 0 on success.</summary>
    private static int Creat(byte[] path)
    {
        int fd = NativeCreat([.. path, 0], Convert.ToUInt32("644", 8));
        return fd < 0 ? fd : NativeClose(fd);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "creat")]
    private static extern int NativeCreat(byte[] path, uint mode);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "close")]
    private static extern int NativeClose(int fd);
}
