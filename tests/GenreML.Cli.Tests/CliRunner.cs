using GenreML.Cli.Commands;
using GenreML.Cli.Invocation;

namespace GenreML.Cli.Tests;

/// <summary>
/// Runs the genreml command tree in-process and captures what it prints; the commands that genreml hands to
/// genreml-train (<see cref="TrainingTool.Handles"/>) run on the training tool's tree through the same
/// <see cref="CommandLineApp"/>, as genreml-train's Program does.
/// </summary>
internal static class CliRunner
{
    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    /// <summary>Runs <paramref name="args"/>; returns the exit code and standard output and error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        await ConsoleLock.WaitAsync();
        TextWriter originalOut = Console.Out, originalError = Console.Error;
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            Console.SetOut(output);
            Console.SetError(error);
            int code = TrainingTool.Handles(args)
                ? await CommandLineApp.RunAsync(TrainingCommandCatalog.CreateRoot(), TrainingTool.CommandName, args)
                : await CommandLineApp.RunAsync(args);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            ConsoleLock.Release();
        }
    }
}
