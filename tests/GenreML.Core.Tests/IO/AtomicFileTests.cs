using GenreML.Core.IO;

namespace GenreML.Core.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-atomic-").FullName;

    [Fact]
    public void Replaces_the_target_and_leaves_no_temporary()
    {
        string path = Path.Combine(_folder, "sub", "a.txt");
        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second");
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void A_failed_write_keeps_the_old_content_and_no_temporary()
    {
        string path = Path.Combine(_folder, "b.bin");
        AtomicFile.WriteAllBytes(path, [1, 2, 3]);
        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, writer =>
        {
            writer.Write("partial");
            throw new InvalidOperationException("writer failed");
        }));
        Assert.Throws<IOException>(() => AtomicFile.WriteVia(path, temporary => throw new IOException("exporter failed")));
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void An_uncommitted_writer_abandons_the_write()
    {
        string path = Path.Combine(_folder, "c.bin");
        using (AtomicFileWriter writer = AtomicFile.Create(path))
        {
            writer.Stream.WriteByte(7);
        }

        Assert.Empty(Directory.GetFiles(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
