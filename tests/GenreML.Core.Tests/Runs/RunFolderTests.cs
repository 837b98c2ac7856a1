using GenreML.Core.Runs;

namespace GenreML.Core.Tests.Runs;

public sealed class RunFolderTests
{
    [Fact]
    public void Paths_are_the_folder_plus_the_file_names()
    {
        var run = new RunFolder("runs/x");
        Assert.True(Path.IsPathFullyQualified(run.Path));
        Assert.Equal(Path.Combine(run.Path, "model.onnx"), run.Model);
        Assert.Equal(Path.Combine(run.Path, "card.json"), run.Card);
        Assert.Equal(Path.Combine(run.Path, "checkpoint.json"), run.Checkpoint);
        Assert.Equal(Path.Combine(run.Path, "report.md"), run.File(RunFolder.ReportMarkdownFile));
    }

    [Fact]
    public void Every_file_name_is_distinct()
    {
        string[] names = typeof(RunFolder).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.True(names.Length >= 17);
    }
}
