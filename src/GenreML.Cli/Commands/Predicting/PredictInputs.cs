using System.IO.Enumeration;
using GenreML.MLNet.Library;

namespace GenreML.Cli.Commands.Predicting;

/// <summary>
/// What <c>predict</c> is asked about: files, folders (walked by <see cref="LibraryWalker"/>), glob patterns
/// (<c>*</c>, <c>?</c> in the last part; a <c>**</c> part matches any depth: <c>music/**/*.mp3</c>) and <c>-</c>
/// for audio on standard input.
/// </summary>
internal static class PredictInputs
{
    /// <summary>The name <c>-</c> is shown as.</summary>
    public const string StandardInput = "-";

    /// <summary>Expands <paramref name="inputs"/> in order; <paramref name="walker"/> records what the folder walks skipped.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> inputs, LibraryWalker walker)
    {
        foreach (string input in inputs)
        {
            if (input == StandardInput)
            {
                yield return input;
            }
            else if (input.IndexOfAny(['*', '?']) >= 0 && !File.Exists(input))
            {
                foreach (string file in Glob(input))
                {
                    yield return file;
                }
            }
            else
            {
                foreach (LibraryFile file in walker.Walk([input]))
                {
                    yield return file.Path;
                }
            }
        }
    }

    private static IEnumerable<string> Glob(string pattern)
    {
        string normalized = pattern.Replace('\\', '/');
        int wildcard = normalized.IndexOfAny(['*', '?']);
        int slash = normalized.LastIndexOf('/', wildcard);
        string root = slash < 0 ? "." : normalized[..slash] is "" ? "/" : normalized[..slash];
        string rest = normalized[(slash + 1)..];
        bool anyDepth = rest.StartsWith("**/", StringComparison.Ordinal);
        string name = anyDepth ? rest[3..] : rest;
        if (name.Contains('/', StringComparison.Ordinal) || !Directory.Exists(root))
        {
            return [pattern];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = anyDepth, MatchType = MatchType.Simple, IgnoreInaccessible = true };
        string[] found = Directory.EnumerateFiles(root, "*", options)
            .Where(f => FileSystemName.MatchesSimpleExpression(name, Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return found.Length > 0 ? found : [pattern];
    }
}
