using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using GenreML.Cli.Invocation;

namespace GenreML.Cli.Commands;

/// <summary>
/// The commands that need TorchSharp live in a separate tool, <c>genreml-train</c> (package
/// <see cref="PackageId"/>), so that <c>genreml</c> stays small. <c>genreml train …</c>, <c>genreml export …</c>,
/// <c>genreml bench training …</c> and <c>genreml bench seed-speed …</c> run that tool with the same arguments:
/// from a repository checkout through <c>dotnet run</c> on its project, otherwise the installed tool beside
/// <c>genreml</c> or on the PATH.
/// </summary>
internal static class TrainingTool
{
    /// <summary>The training tool's command name.</summary>
    public const string CommandName = "genreml-train";

    /// <summary>The NuGet package that installs it.</summary>
    public const string PackageId = "GenreML.Cli.Training";

    /// <summary>The command paths the training tool provides (and <c>genreml</c> hands over to it).</summary>
    public static IReadOnlyList<string[]> Commands { get; } = [["train"], ["export"], ["bench", "training"], ["bench", "seed-speed"], ["bench", "own-genres"]];

    private static readonly string ProjectPath = Path.Combine("src", "GenreML.Cli.Training", "GenreML.Cli.Training.csproj");

    /// <summary>Whether <paramref name="args"/> start with one of <see cref="Commands"/>.</summary>
    public static bool Handles(IReadOnlyList<string> args) =>
        Commands.Any(path => args.Count >= path.Length && path.Select((word, i) => args[i] == word).All(same => same));

    /// <summary>A command that only lists <paramref name="name"/> in <c>genreml --help</c>; running it runs the training tool.</summary>
    public static Command Listing(string name, string description) =>
        new(name, $"{description} [runs {CommandName}, package {PackageId}; options: {CommandName} {name} --help]");

    /// <summary>Runs the training tool with <paramref name="args"/> and returns its exit code (<see cref="ExitCodes.Usage"/> when it cannot be found).</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        ProcessStartInfo? start = Locate(AppContext.BaseDirectory, Environment.ProcessPath, Environment.GetEnvironmentVariable("PATH"), BuildConfiguration, args);
        if (start is null)
        {
            Console.Error.WriteLine($"error: '{string.Join(' ', args.Take(2))}' needs the {CommandName} tool (it brings TorchSharp), which is not installed. "
                + $"Install it beside genreml: dotnet tool install -g {PackageId} (or with the same --tool-path as genreml).");
            return ExitCodes.Usage;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>
    /// How to start the training tool: <c>dotnet run</c> on its project when <paramref name="baseDirectory"/> is inside a
    /// GenreML checkout, else the <c>genreml-train</c> executable beside <paramref name="processPath"/>, else the first on
    /// <paramref name="pathVariable"/>; <see langword="null"/> when there is none.
    /// </summary>
    internal static ProcessStartInfo? Locate(string baseDirectory, string? processPath, string? pathVariable, string configuration, IReadOnlyList<string> args)
    {
        if (FindCheckoutProject(baseDirectory) is { } project)
        {
            var run = new ProcessStartInfo("dotnet") { UseShellExecute = false };
            foreach (string word in new[] { "run", "-c", configuration, "--project", project, "-v", "q", "--" }.Concat(args))
            {
                run.ArgumentList.Add(word);
            }

            return run;
        }

        string executable = OperatingSystem.IsWindows() ? CommandName + ".exe" : CommandName;
        IEnumerable<string?> folders = new[] { Path.GetDirectoryName(processPath ?? "") }
            .Concat((pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        string? found = folders.Where(folder => !string.IsNullOrEmpty(folder)).Select(folder => Path.Combine(folder!, executable)).FirstOrDefault(File.Exists);
        if (found is null)
        {
            return null;
        }

        var tool = new ProcessStartInfo(found) { UseShellExecute = false };
        foreach (string word in args)
        {
            tool.ArgumentList.Add(word);
        }

        return tool;
    }

    private static string? FindCheckoutProject(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "GenreML.sln")))
            {
                string project = Path.Combine(folder.FullName, ProjectPath);
                return File.Exists(project) ? project : null;
            }
        }

        return null;
    }

    private static string BuildConfiguration =>
        typeof(TrainingTool).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
}
