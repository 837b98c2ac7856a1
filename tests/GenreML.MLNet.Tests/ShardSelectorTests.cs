using GenreML.MLNet.Library;

namespace GenreML.MLNet.Tests;

public sealed class ShardSelectorTests
{
    private static readonly LibraryFile[] Library = Enumerable.Range(0, 500)
        .Select(i => new LibraryFile($"/lib/{i % 7}/{i}.mp3", $"artist {i % 13}/album {i % 5}/{i:D4} track.mp3"))
        .ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Shards_cover_every_file_exactly_once(int count)
    {
        List<LibraryFile>[] shards = Enumerable.Range(0, count).Select(k => Library.Where(new ShardSelector(k, count).Selects).ToList()).ToArray();

        Assert.Equal(Library.Length, shards.Sum(s => s.Count));
        Assert.Equal(Library.OrderBy(f => f.RelativePath, StringComparer.Ordinal), shards.SelectMany(s => s).OrderBy(f => f.RelativePath, StringComparer.Ordinal));
        Assert.All(shards, s => Assert.True(count == 1 || s.Count < Library.Length * 2 / count, "a shard holds far more than its share"));
    }

    [Fact]
    public void The_shard_of_a_path_depends_on_the_path_only_not_on_order_machine_or_mount()
    {
        Assert.Equal(ShardSelector.ShardOf("a/b.mp3", 7), ShardSelector.ShardOf("a\\b.mp3", 7));
        var shuffled = Library.Reverse().ToArray();
        var selector = new ShardSelector(2, 7);
        Assert.Equal(Library.Where(selector.Selects).Select(f => f.RelativePath).Order(), shuffled.Where(selector.Selects).Select(f => f.RelativePath).Order());
        Assert.True(selector.Selects(new LibraryFile("/mnt/other/x.mp3", Library.First(selector.Selects).RelativePath)));

        // Pinned values: the hash is FNV-1a 64 over UTF-8, the same in every process and on every machine.
        Assert.Equal([1, 1, 3], new[] { "a.mp3", "rock/b.flac", "Ünïcode/ç.ogg" }.Select(p => ShardSelector.ShardOf(p, 7)));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("3/3")]
    [InlineData("-1/3")]
    [InlineData("a/b")]
    [InlineData("1/0")]
    public void Malformed_shards_are_rejected(string text) => Assert.Throws<FormatException>(() => ShardSelector.Parse(text));

    [Fact]
    public void A_shard_parses_from_K_slash_N() => Assert.Equal("2/7", ShardSelector.Parse("2/7").ToString());
}
