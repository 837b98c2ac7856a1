using System.Security.Cryptography;
using System.Text.Json;
using GenreML.Core.IO;
using GenreML.MLNet.Results;

namespace GenreML.MLNet.Heads;

/// <summary>
/// Clip embeddings of one base model kept between runs, so a second <c>train-head</c> on the same files only
/// trains. One JSON-lines file per base model (named after the SHA-256 of the model's bytes); an entry is used only
/// while its file keeps its <see cref="FileIdentity"/> (full path, size and modification time). The file is rewritten
/// atomically by <see cref="Save"/>.
/// </summary>
public sealed class EmbeddingCache
{
    private readonly string _file;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private bool _changed;

    private EmbeddingCache(string file) => _file = file;

    /// <summary>Where the cache files live by default: <c>~/.cache/genreml/embeddings</c> (or under <c>$XDG_CACHE_HOME</c>).</summary>
    public static string DefaultFolder => UserCache.Folder("embeddings");

    /// <summary>The cache file.</summary>
    public string FilePath => _file;

    /// <summary>Opens (or starts) the cache of <paramref name="modelPath"/> in <paramref name="folder"/>; unreadable lines are ignored (recomputed).</summary>
    public static EmbeddingCache Open(string folder, string modelPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(modelPath)))[..16];
        var cache = new EmbeddingCache(Path.Combine(folder, $"embeddings-{hash}.jsonl"));
        if (File.Exists(cache._file))
        {
            foreach (string line in File.ReadLines(cache._file))
            {
                try
                {
                    if (JsonSerializer.Deserialize<Entry>(line) is { File.Path: not null, Embedding: not null } entry)
                    {
                        cache._entries[entry.File.Path] = entry;
                    }
                }
                catch (JsonException)
                {
                    // a damaged line is only a cache miss
                }
            }
        }

        return cache;
    }

    /// <summary>The cached embedding of <paramref name="path"/> if the file has not changed since.</summary>
    public float[]? TryGet(string path)
    {
        FileIdentity now = FileIdentity.Of(Path.GetFullPath(path));
        lock (_entries)
        {
            return _entries.TryGetValue(now.Path, out Entry? entry) && entry.File!.Matches(now) ? entry.Embedding : null;
        }
    }

    /// <summary>Remembers <paramref name="embedding"/> for the current state of <paramref name="path"/>.</summary>
    public void Add(string path, float[] embedding)
    {
        FileIdentity file = FileIdentity.Of(Path.GetFullPath(path));
        lock (_entries)
        {
            _entries[file.Path] = new Entry { File = file, Embedding = embedding };
            _changed = true;
        }
    }

    /// <summary>Writes the cache file (temporary file, then rename) when something was added.</summary>
    public void Save()
    {
        lock (_entries)
        {
            if (!_changed)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
            AtomicFile.WriteText(_file, writer =>
            {
                foreach (Entry entry in _entries.Values.OrderBy(e => e.File!.Path, StringComparer.Ordinal))
                {
                    writer.WriteLine(JsonSerializer.Serialize(entry));
                }
            });
            _changed = false;
        }
    }

    private sealed record Entry
    {
        public FileIdentity? File { get; init; }

        public float[]? Embedding { get; init; }
    }
}
