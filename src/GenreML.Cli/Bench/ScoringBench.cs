using System.Diagnostics;
using System.Globalization;
using GenreML.Audio.Decoding;
using GenreML.Audio.Synthesis;
using GenreML.MLNet.Results;
using GenreML.MLNet.Data;
using GenreML.MLNet.Scoring;
using Microsoft.ML;

namespace GenreML.Cli.Bench;

/// <summary>
/// Benchmark of the ML.NET scoring path (not a test): synthesises one clip per genre of
/// <c>clipSeconds</c> into a temporary folder, then scores a file list of <c>smallCount</c> and of
/// <c>largeCount</c> entries (the clips repeated) end to end — decode, resample, log-Mel, windows,
/// windows of several clips per ONNX Runtime run, mean — and reports clips per second and memory for each run: the peak of the
/// process working set and of the managed heap, sampled every 20 ms. Flat memory between the two runs
/// shows that the pipeline streams. With <c>longMinutes</c>, it first scores one 30-s file and one file of that
/// many minutes (the same clip looped) and reports the same figures for each: flat memory there shows that one
/// long file streams (the process's own peak, unlike <c>/usr/bin/time</c>'s, leaves out what it freed before).
/// </summary>
internal static class ScoringBench
{
    /// <summary>Runs the benchmark and prints a table to <paramref name="output"/> (default standard output); returns 0.</summary>
    /// <param name="modelPath">The ONNX model (e.g. tests/Shared/Models/tiny-genre.onnx).</param>
    /// <param name="smallCount">Files in the first run (default 50).</param>
    /// <param name="largeCount">Files in the second run (default 500).</param>
    /// <param name="clipSeconds">Length of each synthetic clip (default 30).</param>
    /// <param name="threads">Clips featurised in parallel (<see cref="GenreScoringOptions.Threads"/>).</param>
    /// <param name="output">Where to print the results.</param>
    /// <param name="longMinutes">Length of the long file (0, the default, skips that part).</param>
    public static int Run(string modelPath, int smallCount = 50, int largeCount = 500, double clipSeconds = 30, int threads = 1, TextWriter? output = null, double longMinutes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(longMinutes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(smallCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(largeCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clipSeconds);
        output ??= Console.Out;
        string folder = Path.Combine(Path.GetTempPath(), "genreml-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string[] clips = DemoSongSynthesizer.Genres
                .Select((genre, i) =>
                {
                    string path = Path.Combine(folder, $"{genre}.wav");
                    WavWriter.Write(path, DemoSongSynthesizer.Render(genre, i, clipSeconds), 22050);
                    return path;
                })
                .ToArray();
            var ml = new MLContext(seed: 0);
            using GenreScoringTransformer scorer = ml.Transforms.ScoreGenres(modelPath, threads);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ML.NET scoring bench: {Path.GetFileName(scorer.ModelPath)}, {clipSeconds:0.#}-s clips (22 050 Hz WAV), threads {threads}, {Environment.ProcessorCount} CPUs"));
            if (longMinutes > 0)
            {
                string longFile = Path.Combine(folder, "long.wav");
                WavWriter.WriteLooped(longFile, DemoSongSynthesizer.Render(DemoSongSynthesizer.Genres[0], 0, clipSeconds), 22050, (long)(longMinutes * 60 * 22050));
                output.WriteLine("| one file | seconds | peak working set (MB) | peak managed heap (MB) | failed |");
                output.WriteLine("|---|---:|---:|---:|---:|");
                foreach ((string name, string path) in new[] { ($"{clipSeconds:0.#} s", clips[0]), ($"{longMinutes:0.#} min", longFile) })
                {
                    Result r = Measure(ml, scorer, [path], 1);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {r.Seconds:0.00} | {r.PeakWorkingSet / 1e6:0.0} | {r.PeakManaged / 1e6:0.0} | {r.Failed} |"));
                }

                File.Delete(longFile);
            }

            Measure(ml, scorer, clips, Math.Min(5, smallCount));
            output.WriteLine("| files | seconds | clips/s | peak working set (MB) | peak managed heap (MB) | failed |");
            output.WriteLine("|---:|---:|---:|---:|---:|---:|");
            foreach (int count in new[] { smallCount, largeCount })
            {
                Result r = Measure(ml, scorer, clips, count);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {count} | {r.Seconds:0.00} | {count / r.Seconds:0.0} | {r.PeakWorkingSet / 1e6:0.0} | {r.PeakManaged / 1e6:0.0} | {r.Failed} |"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0.0} MB"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private readonly record struct Result(double Seconds, long PeakWorkingSet, long PeakManaged, int Failed);

    private static Result Measure(MLContext ml, GenreScoringTransformer scorer, string[] clips, int count)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        long peakWorkingSet = 0, peakManaged = 0;
        void Sample()
        {
            process.Refresh();
            peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
            peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(forceFullCollection: false));
        }

        IEnumerable<string> files = Enumerable.Range(0, count).Select(i => clips[i % clips.Length]);
        var clock = Stopwatch.StartNew();
        int failed;
        using (var sampler = new Timer(_ => { lock (clips) { Sample(); } }, null, 0, 20))
        {
            failed = GenrePredictions.Read(scorer.Transform(ml.Data.LoadFromAudioFiles(files))).Count(p => !p.Succeeded);
        }

        double seconds = clock.Elapsed.TotalSeconds;
        lock (clips)
        {
            Sample();
        }

        return new Result(seconds, peakWorkingSet, peakManaged, failed);
    }
}
