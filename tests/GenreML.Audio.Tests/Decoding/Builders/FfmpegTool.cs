using System.Diagnostics;

namespace GenreML.Audio.Tests.Decoding.Builders;

/// <summary>Runs the ffmpeg program for tests that convert fixtures; tests skip themselves when it is missing.</summary>
internal static class FfmpegTool
{
    private static readonly Lazy<bool> Installed = new(() =>
    {
        try
        {
            return Run("-version").ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public static bool IsAvailable => Installed.Value;

    /// <summary>Runs ffmpeg quietly with the arguments and fails the test if it does not succeed.</summary>
    public static void Convert(params string[] arguments)
    {
        var (code, error) = Run(["-hide_banner", "-loglevel", "error", "-nostdin", "-y", .. arguments]);
        Assert.True(code == 0, $"ffmpeg {string.Join(' ', arguments)} failed: {error}");
    }

    private static (int ExitCode, string Error) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        stdout.Wait();
        process.WaitForExit();
        return (process.ExitCode, stderr);
    }
}
