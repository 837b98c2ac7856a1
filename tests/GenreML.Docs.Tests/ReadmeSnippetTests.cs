using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenreML.Docs.Tests;

/// <summary>
/// Every <c>```csharp</c> block of README.md compiles as a top-level program against the GenreML libraries and
/// their dependencies (the assemblies this test runs with), with the usings the snippet writes itself plus the
/// implicit global usings of a new <c>dotnet new console</c> project (what a reader pastes the snippet into).
/// </summary>
public sealed class ReadmeSnippetTests
{
    private const string ConsoleImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly string ReadmePath = Path.Combine(AppContext.BaseDirectory, "Docs", "README.md");

    public static TheoryData<int> SnippetLines()
    {
        var data = new TheoryData<int>();
        foreach (var (line, _) in MarkdownSnippets.CSharp(File.ReadAllText(ReadmePath)))
        {
            data.Add(line);
        }

        return data;
    }

    [Fact]
    public void The_readme_has_csharp_snippets_to_check()
    {
        Assert.True(MarkdownSnippets.CSharp(File.ReadAllText(ReadmePath)).Count >= 2);
    }

    [Theory]
    [MemberData(nameof(SnippetLines))]
    public void Snippet_compiles(int line)
    {
        string code = MarkdownSnippets.CSharp(File.ReadAllText(ReadmePath)).Single(s => s.Line == line).Code;
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), path: $"README.md:{line}");
        var compilation = CSharpCompilation.Create(
            $"ReadmeSnippet{line}",
            [tree, CSharpSyntaxTree.ParseText(ConsoleImplicitUsings, new CSharpParseOptions(LanguageVersion.Latest), path: "ImplicitUsings.cs")],
            References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var output = new MemoryStream();
        var errors = compilation.Emit(output).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"README.md snippet at line {line} does not compile:\n" + string.Join('\n', errors));
    }

    private static IEnumerable<MetadataReference> References()
    {
        string platform = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var paths = platform.Split(Path.PathSeparator)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(p => !Path.GetFileName(p).StartsWith("GenreML.Docs.Tests", StringComparison.Ordinal))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First());
        foreach (string path in paths)
        {
            if (IsManaged(path))
            {
                yield return MetadataReference.CreateFromFile(path);
            }
        }
    }

    private static bool IsManaged(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        try
        {
            return pe.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
