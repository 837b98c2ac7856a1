using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using GenreML.Core.IO;

namespace GenreML.MLNet.Heads;

/// <summary>
/// Clip embeddings of one base model kept between runs, so a second <c>train-head</c> on the same files only
/// trains. One JSON-lines file per base model (named after the SHA-256 of the model's bytes); an entry is used only
/// while its file keeps its full path, size and modification time. The file is rewritten atomically by <see cref="Save"/>.
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
                    if (JsonSerializer.Deserialize<Entry>(line) is { Path: not null, Embedding: not null } entry)
                    {
                        cache._entries[entry.Path] = entry;
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
        lock (_entries)
        {
            return _entries.TryGetValue(Path.GetFullPath(path), out Entry? entry) && entry.Stamp == Stamp(path) ? entry.Embedding : null;
        }
    }

    /// <summary>Remembers <paramref name="embedding"/> for the current state of <paramref name="path"/>.</summary>
    public void Add(string path, float[] embedding)
    {
        string full = Path.GetFullPath(path);
        lock (_entries)
        {
            _entries[full] = new Entry { Path = full, Stamp = Stamp(path), Embedding = embedding };
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
                foreach (Entry entry in _entries.Values.OrderBy(e => e.Path, StringComparer.Ordinal))
                {
                    writer.WriteLine(JsonSerializer.Serialize(entry));
                }
            });
            _changed = false;
        }
    }

    private static string Stamp(string path)
    {
        return InputFile.Stat(path) is var (size, lastWrite) ? string.Create(CultureInfo.InvariantCulture, $"{size}:{lastWrite.Ticks}") : "";
    }

    private sealed record Entry
    {
        public string? Path { get; init; }

        public string? Stamp { get; init; }

        public float[]? Embedding { get; init; }
    }
}
