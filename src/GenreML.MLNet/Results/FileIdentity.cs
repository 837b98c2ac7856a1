using System.Globalization;
using System.Security.Cryptography;
using GenreML.Core.IO;

namespace GenreML.MLNet.Results;

/// <summary>
/// What a results file remembers of a scored file so that <c>--resume</c> can tell it is unchanged: its path,
/// size and modification time, and optionally its content hash.
/// </summary>
/// <param name="Path">The file, as found (escaped where its name is not UTF-8, <see cref="EscapedPath"/>).</param>
/// <param name="Size">Size in bytes (−1 when the file does not exist).</param>
/// <param name="Mtime">Last write time, UTC, ISO 8601 round-trip ("o") text ("" when the file does not exist).</param>
/// <param name="Sha256">Hex SHA-256 of the content, or null when not asked for.</param>
public sealed record FileIdentity(string Path, long Size, string Mtime, string? Sha256)
{
    /// <summary>Reads the identity of <paramref name="path"/> now; with <paramref name="hashContent"/> also reads the whole file to hash it.</summary>
    public static FileIdentity Of(string path, bool hashContent = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (InputFile.Stat(path) is not var (size, lastWrite))
        {
            return new FileIdentity(path, -1, "", null);
        }

        string? sha = null;
        if (hashContent)
        {
            try
            {
                using FileStream stream = InputFile.OpenRead(path, bufferSize: 1 << 16);
                sha = Convert.ToHexStringLower(SHA256.HashData(stream));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                sha = null;
            }
        }

        return new FileIdentity(path, size, lastWrite.ToString("o", CultureInfo.InvariantCulture), sha);
    }

    /// <summary>True when <paramref name="other"/> is the same path with the same size, time and (when both have one) hash.</summary>
    public bool Matches(FileIdentity other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Path, other.Path, StringComparison.Ordinal) && Size == other.Size && Size >= 0
            && string.Equals(Mtime, other.Mtime, StringComparison.Ordinal)
            && (Sha256 is null || other.Sha256 is null || string.Equals(Sha256, other.Sha256, StringComparison.Ordinal));
    }
}
