using System.Globalization;
using GenreML.Core.IO;

namespace GenreML.MLNet.Library;

/// <summary>
/// Picks shard <see cref="Index"/> of <see cref="Count"/> (<c>--shard K/N</c>, K from 0 to N−1, so a Kubernetes
/// <c>JOB_COMPLETION_INDEX</c> can be passed as is): a file belongs to the shard given by a stable hash
/// (64-bit FNV-1a over its bytes: UTF-8, or the raw bytes of a name that is not UTF-8, <see cref="EscapedPath"/>) of its path relative to the walked folder, never by its position in a
/// list. N workers with K = 0 … N−1 therefore cover every file exactly once, on any machine, whatever the order
/// in which they list the files or where the library is mounted.
/// </summary>
public sealed class ShardSelector
{
    /// <summary>Selects shard <paramref name="index"/> of <paramref name="count"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">count &lt; 1 or index outside [0, count).</exception>
    public ShardSelector(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>This shard, 0 … <see cref="Count"/> − 1.</summary>
    public int Index { get; }

    /// <summary>How many shards the files are divided into.</summary>
    public int Count { get; }

    /// <summary>Parses <c>K/N</c> (e.g. <c>2/7</c>).</summary>
    /// <exception cref="FormatException">Not two whole numbers with 0 ≤ K &lt; N; the message says which.</exception>
    public static ShardSelector Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            throw new FormatException($"'{text}' is not a shard K/N (two whole numbers, e.g. 0/4).");
        }

        if (count < 1 || index >= count)
        {
            throw new FormatException($"'{text}': a shard K/N needs N ≥ 1 and 0 ≤ K < N (K counts from 0).");
        }

        return new ShardSelector(index, count);
    }

    /// <summary>The shard (0 … count − 1) of <paramref name="relativePath"/>; '\' and '/' hash alike.</summary>
    public static int ShardOf(string relativePath, int count)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ulong hash = 14695981039346656037UL;
        foreach (byte b in EscapedPath.ToBytes(relativePath.Replace('\\', '/')))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return (int)(hash % (ulong)count);
    }

    /// <summary>True when <paramref name="file"/> belongs to this shard.</summary>
    public bool Selects(LibraryFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return ShardOf(file.RelativePath, Count) == Index;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
