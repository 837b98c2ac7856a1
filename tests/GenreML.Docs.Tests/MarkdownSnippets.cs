using System.Text.RegularExpressions;

namespace GenreML.Docs.Tests;

/// <summary>The fenced <c>```csharp</c> blocks of a Markdown file, with the line each starts on.</summary>
internal static partial class MarkdownSnippets
{
    public static IReadOnlyList<(int Line, string Code)> CSharp(string markdown)
    {
        var snippets = new List<(int, string)>();
        foreach (Match m in Fence().Matches(markdown))
        {
            int line = markdown.AsSpan(0, m.Index).Count('\n') + 1;
            snippets.Add((line, m.Groups["code"].Value));
        }

        return snippets;
    }

    [GeneratedRegex(@"^```csharp[ \t]*\r?\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
