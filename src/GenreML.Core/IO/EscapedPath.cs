using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace GenreML.Core.IO;

/// <summary>
/// File names that are not valid UTF-8 as .NET strings that round-trip. Linux (and other Unix) file names are
/// bytes; .NET decodes them as UTF-8 and turns every invalid byte into U+FFFD, so such a file cannot be opened by
/// the string .NET lists. GenreML writes such a name the way Python's <c>surrogateescape</c> does (PEP 383): each
/// byte 0x80–0xFF that is not part of valid UTF-8 becomes the lone surrogate U+DC80–U+DCFF, everything else is the
/// ordinary UTF-8 decoding. A valid UTF-8 name never holds a lone surrogate, so the mapping is unambiguous, and a
/// valid name's string is unchanged. <see cref="InputFile"/> opens such strings; consoles show the escaped bytes as
/// U+FFFD; results files write them as <c>\uDCxx</c> escapes (<see cref="EscapedPathText"/>).
/// </summary>
public static class EscapedPath
{
    private const char FirstEscape = '\uDC80';
    private const char LastEscape = '\uDCFF';

    /// <summary>The string for the raw name <paramref name="bytes"/>: UTF-8, with each invalid byte as U+DC00 + byte.</summary>
    public static string FromBytes(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        Span<char> chunk = stackalloc char[256];
        while (!bytes.IsEmpty)
        {
            OperationStatus status = Utf8.ToUtf16(bytes, chunk, out int read, out int written, replaceInvalidSequences: false, isFinalBlock: true);
            text.Append(chunk[..written]);
            bytes = bytes[read..];
            if (status == OperationStatus.InvalidData)
            {
                text.Append((char)(0xDC00 + bytes[0]));
                bytes = bytes[1..];
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The raw bytes <paramref name="path"/> stands for: UTF-8, with each escape U+DC80–U+DCFF back as its byte (any
    /// other lone surrogate, which no listing produces, becomes U+FFFD's bytes, as .NET itself would encode it).
    /// </summary>
    public static byte[] ToBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!IsEscaped(path))
        {
            return Encoding.UTF8.GetBytes(path);
        }

        var bytes = new List<byte>(path.Length + 8);
        int start = 0;
        for (int i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && !IsEscapeAt(path, i))
            {
                continue;
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(path, start, i - start));
            if (i < path.Length)
            {
                bytes.Add((byte)(path[i] - 0xDC00));
            }

            start = i + 1;
        }

        return [.. bytes];
    }

    /// <summary>True when <paramref name="path"/> holds at least one escaped byte (a lone surrogate U+DC80–U+DCFF).</summary>
    public static bool IsEscaped(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        for (int i = 0; i < path.Length; i++)
        {
            if (IsEscapeAt(path, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when .NET's own file APIs cannot name <paramref name="path"/>: it holds escaped bytes and this is Unix
    /// (on Windows a lone surrogate is a legal UTF-16 name), so it must be opened by its raw bytes (<see cref="InputFile"/>).
    /// </summary>
    public static bool NeedsRawBytes(string path) => !OperatingSystem.IsWindows() && IsEscaped(path);

    /// <summary><paramref name="path"/> for people: every escaped byte shown as U+FFFD (what consoles and .NET's own listing show).</summary>
    public static string ForDisplay(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!IsEscaped(path))
        {
            return path;
        }

        return string.Create(path.Length, path, (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                span[i] = IsEscapeAt(source, i) ? '\uFFFD' : source[i];
            }
        });
    }

    /// <summary>True when <c>text[i]</c> is an escaped byte: a low surrogate U+DC80–U+DCFF with no high surrogate before it.</summary>
    internal static bool IsEscapeAt(string text, int i) =>
        text[i] is >= FirstEscape and <= LastEscape && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
}
