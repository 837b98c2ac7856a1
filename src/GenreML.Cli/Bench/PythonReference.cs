using System.Diagnostics;

namespace GenreML.Cli.Bench;

/// <summary>What a reference script printed and how it ended.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Output">Everything written to standard output.</param>
/// <param name="Errors">Everything written to standard error.</param>
internal sealed record PythonRun(int ExitCode, string Output, string Errors);

/// <summary>
/// Runs the repository's Python reference scripts (<c>bench/*.py</c>) with Debian's interpreter, which has
/// python3-torch and python3-torchaudio, for the benchmarks that compare against them. The scripts are found
/// in the checkout that holds GenreML.sln, searched upwards from the current folder and from the app's folder.
/// </summary>
internal static class PythonReference
{
    /// <summary>Debian's interpreter (not a pyenv one on PATH, which lacks Debian's torch).</summary>
    public const string Interpreter = "/usr/bin/python3";

    /// <summary>
    /// Runs <paramref name="script"/> (relative to the repository root) with <paramref name="arguments"/> and waits for it;
    /// null when the interpreter or the script is not there.
    /// </summary>
    public static PythonRun? TryRun(string script, params IEnumerable<string> arguments)
    {
        string? path = FindRepositoryRoot() is { } root ? Path.Combine(root, script) : null;
        if (path is null || !File.Exists(path) || !File.Exists(Interpreter))
        {
            return null;
        }

        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Interpreter}.");
        // Both pipes are drained at once: a script that fills one while we wait on the other would hang.
        Task<string> errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new PythonRun(process.ExitCode, output, errors.Result);
    }

    private static string? FindRepositoryRoot()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GenreML.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
