using GenreML.Core.IO;
using System.Security.Cryptography;
using System.Text.Json;
using GenreML.Audio.Features;

namespace GenreML.Training.Features;

/// <summary>
/// Stores spectrograms on disk keyed by (SHA-256 of the file's bytes, SHA-256 of the feature settings'
/// JSON), so a changed file or changed settings miss the cache. Entry format: "GMLF", version 1 (int32),
/// bands (int32), frames (int32), then bands·frames float32 little-endian; written atomically.
/// A damaged entry is recomputed and overwritten. Safe to use from several threads when the inner featurizer is.
/// </summary>
internal sealed class FeatureCache : IClipFeaturizer
{
    private static ReadOnlySpan<byte> Magic => "GMLF"u8;
    private const int Version = 1;
    private readonly IClipFeaturizer _inner;
    private readonly string _settingsHash;
    private int _hits;
    private int _misses;

    /// <summary>
    /// Caches <paramref name="inner"/>'s spectrograms under <paramref name="directory"/>. <paramref name="variantKey"/>
    /// names whatever else decides <paramref name="inner"/>'s output (e.g. a waveform augmentation's settings, see
    /// <see cref="Augmentation.VariantFeaturizer.CacheKey"/>) and joins the settings hash; empty for plain features.
    /// </summary>
    public FeatureCache(IClipFeaturizer inner, string directory, string variantKey = "")
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(variantKey);
        _inner = inner;
        Directory = Path.GetFullPath(directory);
        byte[] settings = JsonSerializer.SerializeToUtf8Bytes(inner.Options);
        if (variantKey.Length > 0) settings = [.. settings, .. System.Text.Encoding.UTF8.GetBytes("\n" + variantKey)];
        _settingsHash = Hex(SHA256.HashData(settings))[..16];
    }

    /// <summary>The default cache folder: <c>$XDG_CACHE_HOME/genreml/features</c> or <c>~/.cache/genreml/features</c>.</summary>
    public static string DefaultDirectory => UserCache.Folder("features");

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>Number of spectrograms served from disk since creation.</summary>
    public int Hits => _hits;

    /// <summary>Number of spectrograms computed (and stored) since creation.</summary>
    public int Misses => _misses;

    /// <inheritdoc />
    public LogMelOptions Options => _inner.Options;

    /// <inheritdoc />
    public Spectrogram Featurize(string path)
    {
        string key = Hex(HashFile(path));
        string entry = Path.Combine(Directory, key[..2], $"{key}-{_settingsHash}.f32");
        if (File.Exists(entry) && TryRead(entry) is { } cached)
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        Spectrogram spectrogram = _inner.Featurize(path);
        AtomicFile.WriteVia(entry, tmp => WriteEntry(tmp, spectrogram));
        Interlocked.Increment(ref _misses);
        return spectrogram;
    }

    private static byte[] HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return SHA256.HashData(stream);
    }

    private static void WriteEntry(string path, Spectrogram s)
    {
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(s.Bands);
        writer.Write(s.Frames);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.Data.AsSpan()));
    }

    private static Spectrogram? TryRead(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 16 || !bytes.AsSpan(0, 4).SequenceEqual(Magic)) return null;
        int version = BitConverter.ToInt32(bytes, 4), bands = BitConverter.ToInt32(bytes, 8), frames = BitConverter.ToInt32(bytes, 12);
        if (version != Version || bands <= 0 || frames < 0 || bytes.Length != 16 + 4L * bands * frames) return null;
        var data = new float[bands * frames];
        Buffer.BlockCopy(bytes, 16, data, 0, data.Length * 4);
        return new Spectrogram(data, bands, frames);
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
