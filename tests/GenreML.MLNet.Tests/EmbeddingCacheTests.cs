using GenreML.MLNet.Heads;

namespace GenreML.MLNet.Tests;

/// <summary><see cref="EmbeddingCache"/>: an embedding is reused across runs only while its file is unchanged.</summary>
public sealed class EmbeddingCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-embedding-cache-").FullName;

    [Fact]
    public void A_saved_embedding_is_found_again_until_its_file_changes()
    {
        string model = Write("model.onnx", "model bytes");
        string clip = Write("clip.wav", "audio");
        string cacheFolder = Path.Combine(_folder, "cache");
        var cache = EmbeddingCache.Open(cacheFolder, model);
        Assert.Null(cache.TryGet(clip));
        cache.Add(clip, [1f, 2f, 3f]);
        cache.Save();

        var reopened = EmbeddingCache.Open(cacheFolder, model);
        Assert.Equal(new[] { 1f, 2f, 3f }, reopened.TryGet(clip));
        Assert.Equal(new[] { 1f, 2f, 3f }, reopened.TryGet(Path.GetRelativePath(Directory.GetCurrentDirectory(), clip)));

        File.SetLastWriteTimeUtc(clip, File.GetLastWriteTimeUtc(clip).AddSeconds(-10));
        Assert.Null(reopened.TryGet(clip));

        reopened.Add(clip, [4f]);
        File.AppendAllText(clip, "more");
        Assert.Null(reopened.TryGet(clip));

        File.Delete(clip);
        Assert.Null(reopened.TryGet(clip));
    }

    [Fact]
    public void Another_model_has_its_own_cache_and_damaged_lines_are_misses()
    {
        string clip = Write("clip.wav", "audio");
        string cacheFolder = Path.Combine(_folder, "cache");
        var first = EmbeddingCache.Open(cacheFolder, Write("a.onnx", "model a"));
        first.Add(clip, [1f]);
        first.Save();
        File.AppendAllText(first.FilePath, "{not json\n");

        Assert.Equal(new[] { 1f }, EmbeddingCache.Open(cacheFolder, Write("a2.onnx", "model a")).TryGet(clip));
        Assert.Null(EmbeddingCache.Open(cacheFolder, Write("b.onnx", "model b")).TryGet(clip));
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
