using System.CommandLine;
using GenreML.Cli.Commands;

namespace GenreML.Cli.Tests;

/// <summary>genreml hands exactly the training tool's commands to genreml-train, and finds that tool where it is installed.</summary>
public sealed class TrainingToolTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-training-tool-").FullName;

    [Fact]
    public void The_handed_over_commands_are_exactly_the_training_tools_commands()
    {
        RootCommand training = TrainingCommandCatalog.CreateRoot();
        var provided = training.Subcommands.SelectMany(c => c.Subcommands.Count == 0 ? [new[] { c.Name }] : c.Subcommands.Select(s => new[] { c.Name, s.Name }))
            .Select(path => string.Join(' ', path)).Order().ToArray();
        Assert.Equal(provided, TrainingTool.Commands.Select(path => string.Join(' ', path)).Order().ToArray());
    }

    [Theory]
    [InlineData(true, "train", "--data", "x")]
    [InlineData(true, "export", "--checkpoint", "run")]
    [InlineData(true, "bench", "training", "--data", "x")]
    [InlineData(true, "bench", "seed-speed")]
    [InlineData(false, "bench", "features")]
    [InlineData(false, "bench")]
    [InlineData(false, "predict", "train")]
    [InlineData(false)]
    public void Hands_over_only_training_commands(bool expected, params string[] args) => Assert.Equal(expected, TrainingTool.Handles(args));

    [Fact]
    public void Every_training_command_is_listed_in_genremls_help()
    {
        RootCommand slim = CommandCatalog.CreateRoot();
        foreach (string[] path in TrainingTool.Commands)
        {
            Command? command = slim;
            foreach (string word in path)
            {
                command = command?.Subcommands.FirstOrDefault(c => c.Name == word);
            }

            Assert.True(command is not null, $"genreml --help does not list '{string.Join(' ', path)}'");
        }
    }

    [Fact]
    public void In_a_checkout_it_runs_the_training_project_with_dotnet_run()
    {
        string project = Path.Combine(_folder, "src", "GenreML.Cli.Training", "GenreML.Cli.Training.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        File.WriteAllText(project, "<Project />");
        File.WriteAllText(Path.Combine(_folder, "GenreML.sln"), "");
        string bin = Directory.CreateDirectory(Path.Combine(_folder, "src", "GenreML.Cli", "bin", "Release", "net10.0")).FullName;

        var start = TrainingTool.Locate(bin, Path.Combine(bin, "genreml"), null, "Release", ["train", "--epochs", "1"]);

        Assert.NotNull(start);
        Assert.Equal("dotnet", start.FileName);
        Assert.Equal(["run", "-c", "Release", "--project", project, "-v", "q", "--", "train", "--epochs", "1"], start.ArgumentList);
    }

    [Fact]
    public void Installed_it_runs_the_tool_beside_genreml_before_one_on_the_path()
    {
        string toolPath = Directory.CreateDirectory(Path.Combine(_folder, "tools")).FullName;
        string onPath = Directory.CreateDirectory(Path.Combine(_folder, "path")).FullName;
        string name = OperatingSystem.IsWindows() ? "genreml-train.exe" : "genreml-train";
        File.WriteAllText(Path.Combine(toolPath, name), "");
        File.WriteAllText(Path.Combine(onPath, name), "");
        string store = Directory.CreateDirectory(Path.Combine(toolPath, ".store", "genreml.cli")).FullName;

        var beside = TrainingTool.Locate(store, Path.Combine(toolPath, "genreml"), onPath, "Release", ["export"]);
        var fromPath = TrainingTool.Locate(store, Path.Combine(_folder, "elsewhere", "genreml"), onPath, "Release", ["export"]);
        var none = TrainingTool.Locate(store, Path.Combine(_folder, "elsewhere", "genreml"), Path.Combine(_folder, "empty"), "Release", ["export"]);

        Assert.Equal(Path.Combine(toolPath, name), beside?.FileName);
        Assert.Equal(["export"], beside!.ArgumentList);
        Assert.Equal(Path.Combine(onPath, name), fromPath?.FileName);
        Assert.Null(none);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
