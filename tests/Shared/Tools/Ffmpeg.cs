using System.Diagnostics;

namespace GenreML.Testing.Tools;

/// <summary>
/// Runs the ffmpeg and ffprobe programs for tests that make or check audio files (the one test helper for it;
/// the benchmarks have their own in GenreML.Cli). Tests that need it skip with <c>Skip.IfNot(Ffmpeg.IsAvailable, …)</c>.
/// </summary>
public static class Ffmpeg
{
    private static readonly Lazy<bool> Installed = new(() =>
    {
        try
        {
            Output("ffmpeg", ["-version"]);
            return true;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }
    });

    /// <summary>True when ffmpeg can be run.</summary>
    public static bool IsAvailable => Installed.Value;

    /// <summary>
    /// Runs ffmpeg quietly (<c>-hide_banner -loglevel error -nostdin -y</c>, then <paramref name="arguments"/>); returns what it
    /// wrote to standard output and throws <see cref="InvalidOperationException"/> with its error output when it fails.
    /// </summary>
    public static string Run(params string[] arguments) => Output("ffmpeg", ["-hide_banner", "-loglevel", "error", "-nostdin", "-y", .. arguments]);

    /// <summary>Runs ffprobe quietly (<c>-v error</c>, then <paramref name="arguments"/>); returns its standard output, throws when it fails.</summary>
    public static string Probe(params string[] arguments) => Output("ffprobe", ["-v", "error", .. arguments]);

    private static string Output(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed (exit {process.ExitCode}): {error}");
        }

        return output.Result;
    }
}
