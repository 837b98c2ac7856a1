using System.Diagnostics;
using GenreML.Audio.Synthesis;

namespace GenreML.Cli.Tests;

/// <summary>A real <c>genreml score</c> process stopped by SIGTERM keeps its results, says so, exits 130, and a resumed run completes the file.</summary>
public sealed class ScoreSignalTests : IDisposable
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-signal-").FullName;

    [SkippableFact]
    public async Task Sigterm_keeps_finished_results_and_resume_equals_an_uninterrupted_run()
    {
        Skip.If(OperatingSystem.IsWindows(), "POSIX signals");
        string data = Path.Combine(_folder, "library");
        DemoDatasetWriter.Write(data, clipsPerGenre: 6, seconds: 4);
        string whole = Path.Combine(_folder, "whole.jsonl");
        Assert.Equal(0, (await Run(whole)).ExitCode);

        string resumed = Path.Combine(_folder, "resumed.jsonl");
        using (Process process = Start(resumed, data))
        {
            while (!process.HasExited && (!File.Exists(resumed) || new FileInfo(resumed).Length == 0))
            {
                await Task.Delay(20);
            }

            // kill() fails only when the run has already exited (and been reaped) since the check above: it finished first.
            Assert.True(Kill(process.Id, 15) == 0 || process.HasExited, "SIGTERM could not be sent to a running score process");
            string error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            bool finishedFirst = File.ReadAllLines(resumed).Length == File.ReadAllLines(whole).Length;
            Assert.True(process.ExitCode == 130 || finishedFirst, $"exit {process.ExitCode}: {error}");
            if (process.ExitCode == 130)
            {
                Assert.Contains("Interrupted by SIGTERM", error);
                Assert.False(finishedFirst, "an interrupted run left files to score");
            }
        }

        Assert.Equal(0, (await Run(resumed, "--resume")).ExitCode);
        Assert.Equal(await File.ReadAllLinesAsync(whole), await File.ReadAllLinesAsync(resumed));
        Assert.Equal(new[] { "library", "resumed.jsonl", "whole.jsonl" }, Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Order());

        async Task<Process> Run(string output, params string[] extra)
        {
            Process p = Start(output, data, extra);
            await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            return p;
        }
    }

    private static Process Start(string output, string data, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = false, UseShellExecute = false };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "genreml.dll"), "score", data, "--model", TinyModel, "--out", output }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
