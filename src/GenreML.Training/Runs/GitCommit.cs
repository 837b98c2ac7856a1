using System.Diagnostics;

namespace GenreML.Training.Runs;

/// <summary>Finds the source commit for provenance records.</summary>
internal static class GitCommit
{
    /// <summary>The output of <c>git rev-parse HEAD</c> in the current folder, or null when git or a repository is missing.</summary>
    public static string? Current()
    {
        try
        {
            var info = new ProcessStartInfo("git", "rev-parse HEAD")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info);
            if (process is null) return null;
            string output = process.StandardOutput.ReadToEnd().Trim();
            process.StandardError.ReadToEnd();
            if (!process.WaitForExit(5000)) return null;
            return process.ExitCode == 0 && output.Length >= 7 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
