using System.Diagnostics;
using System.Globalization;
using GenreML.Audio.Decoding;
using GenreML.Audio.Synthesis;
using GenreML.MLNet.Results;
using GenreML.MLNet.Data;
using GenreML.MLNet.Scoring;
using System.Text.RegularExpressions;
using Microsoft.ML;

namespace GenreML.Cli.Bench;

/// <summary>What <see cref="ScoringBench"/> measures.</summary>
/// <param name="ModelPath">The ONNX model, used on both sides (e.g. the shipped onnx/genreml-gtzan.onnx).</param>
/// <param name="Counts">File counts scored in turn (default 50 and 500).</param>
/// <param name="Threads">Clips featurised ahead of the network (<see cref="GenreScoringOptions.Threads"/>); also the seed stack's torch threads.</param>
/// <param name="Format"><c>wav</c> (22 050 Hz PCM) or <c>mp3</c> (made from the WAVs by ffmpeg, 128 kb/s).</param>
/// <param name="SeedStack">Also score the same files with the same model through bench/mlnet_seedstack.py (torchaudio + eager PyTorch).</param>
/// <param name="WindowBatchSize">Windows per ONNX Runtime run (<see cref="GenreScoringOptions.WindowBatchSize"/>).</param>
/// <param name="IntraOpThreads">ONNX Runtime's threads inside a run (<see cref="GenreScoringOptions.IntraOpThreads"/>).</param>
/// <param name="LongMinutes">Length of the long file (0 skips that part).</param>
/// <param name="ClipSeconds">Length of each synthetic clip.</param>
internal sealed record ScoringBenchOptions(
    string ModelPath, IReadOnlyList<int> Counts, int Threads, string Format, bool SeedStack, int WindowBatchSize, int IntraOpThreads, double LongMinutes,
    double ClipSeconds = 30);

/// <summary>
/// Benchmark of the ML.NET scoring path (not a test): synthesises one clip per genre of <c>ClipSeconds</c> into a
/// temporary folder (WAV, or MP3 made from it), then scores file lists of each count (the clips repeated) end to end —
/// decode, resample, log-Mel, windows of several clips per ONNX Runtime run, mean — and reports clips per second and
/// memory for each run: the peak of the process working set and of the managed heap, sampled every 20 ms. Flat
/// memory across counts shows that the pipeline streams. With <c>SeedStack</c>, the same files go through the Python
/// seed stack with the same model (its clips/s and peak RSS beside ours, and the ratio). With <c>LongMinutes</c>, it
/// first scores one 30-s file and one file of that many minutes (the same clip looped) and reports the same figures
/// for each: flat memory there shows that one long file streams.
/// </summary>
internal static partial class ScoringBench
{
    /// <summary>Runs the benchmark and prints a table to <paramref name="output"/> (default standard output); 0, or 2 when MP3 files cannot be made.</summary>
    public static int Run(ScoringBenchOptions options, TextWriter? output = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.LongMinutes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ClipSeconds);
        if (options.Counts.Count == 0 || options.Counts.Any(c => c <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "every file count must be positive");
        }

        output ??= Console.Out;
        string folder = Path.Combine(Path.GetTempPath(), "genreml-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string[] clips = DemoSongSynthesizer.Genres
                .Select((genre, i) =>
                {
                    string path = Path.Combine(folder, $"{genre}.wav");
                    WavWriter.Write(path, DemoSongSynthesizer.Render(genre, i, options.ClipSeconds), 22050);
                    return path;
                })
                .ToArray();
            if (options.Format == "mp3")
            {
                clips = clips.Select(wav => Path.ChangeExtension(wav, ".mp3")).ToArray();
                foreach (string mp3 in clips)
                {
                    if (!DecodingBench.Ffmpeg(["-i", Path.ChangeExtension(mp3, ".wav"), "-c:a", "libmp3lame", "-b:a", "128k", mp3]))
                    {
                        Console.Error.WriteLine("error: bench scoring --format mp3 needs ffmpeg with libmp3lame to make its test files");
                        return 2;
                    }
                }
            }

            var ml = new MLContext(seed: 0);
            using GenreScoringTransformer scorer = ml.Transforms.ScoreGenres(new GenreScoringOptions
            {
                ModelPath = options.ModelPath,
                Threads = options.Threads,
                WindowBatchSize = options.WindowBatchSize,
                IntraOpThreads = options.IntraOpThreads,
            });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ML.NET scoring bench: {Path.GetFileName(scorer.ModelPath)}, {options.ClipSeconds:0.#}-s clips ({options.Format}), threads {options.Threads}, batch {options.WindowBatchSize}, intra-op {options.IntraOpThreads}, {Environment.ProcessorCount} CPUs"));
            if (options.LongMinutes > 0)
            {
                string longFile = Path.Combine(folder, "long.wav");
                WavWriter.WriteLooped(longFile, DemoSongSynthesizer.Render(DemoSongSynthesizer.Genres[0], 0, options.ClipSeconds), 22050, (long)(options.LongMinutes * 60 * 22050));
                output.WriteLine("| one file | seconds | peak working set (MB) | peak managed heap (MB) | failed |");
                output.WriteLine("|---|---:|---:|---:|---:|");
                foreach ((string name, string path) in new[] { ($"{options.ClipSeconds:0.#} s", clips[0]), ($"{options.LongMinutes:0.#} min", longFile) })
                {
                    Result r = Measure(ml, scorer, [path], 1);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {r.Seconds:0.00} | {r.PeakWorkingSet / 1e6:0.0} | {r.PeakManaged / 1e6:0.0} | {r.Failed} |"));
                }

                File.Delete(longFile);
            }

            Measure(ml, scorer, clips, Math.Min(5, options.Counts[0]));
            output.WriteLine(options.SeedStack
                ? "| files | seconds | clips/s | peak working set (MB) | peak managed heap (MB) | failed | seed stack clips/s | seed stack peak RSS (MB) | ML.NET ÷ seed stack |"
                : "| files | seconds | clips/s | peak working set (MB) | peak managed heap (MB) | failed |");
            output.WriteLine(options.SeedStack ? "|---:|---:|---:|---:|---:|---:|---:|---:|---:|" : "|---:|---:|---:|---:|---:|---:|");
            foreach (int count in options.Counts)
            {
                Result r = Measure(ml, scorer, clips, count);
                string line = string.Create(CultureInfo.InvariantCulture,
                    $"| {count} | {r.Seconds:0.00} | {count / r.Seconds:0.0} | {r.PeakWorkingSet / 1e6:0.0} | {r.PeakManaged / 1e6:0.0} | {r.Failed} |");
                if (options.SeedStack)
                {
                    line += SeedStack(options, clips, count, count / r.Seconds);
                }

                output.WriteLine(line);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0.0} MB"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The seed stack's cells for one count: clips/s, peak RSS and our speed over its speed.</summary>
    private static string SeedStack(ScoringBenchOptions options, string[] clips, int count, double ours)
    {
        PythonRun? run = PythonReference.TryRun(ScriptPath,
            [options.ModelPath, .. clips, "--files", count.ToString(CultureInfo.InvariantCulture), "--threads", options.Threads.ToString(CultureInfo.InvariantCulture)]);
        if (run is null || run.ExitCode != 0)
        {
            string why = run is null ? $"needs {PythonReference.Interpreter} and {ScriptPath}" : run.Errors.Trim().Split('\n')[^1];
            return $" n/a ({why}) | | |";
        }

        Match match = SeedStackLine().Match(run.Output);
        if (!match.Success)
        {
            return $" n/a (unexpected output: {run.Output.Trim()}) | | |";
        }

        double theirs = double.Parse(match.Groups["rate"].Value, CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $" {theirs:0.00} | {match.Groups["rss"].Value} | {ours / theirs:0.0}× |");
    }

    /// <summary>The Python seed stack on the same model and files (repository-relative).</summary>
    private const string ScriptPath = "bench/mlnet_seedstack.py";

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

    [GeneratedRegex(@"= (?<rate>[0-9.]+) clips/s, peak RSS (?<rss>[0-9.]+) MB")]
    private static partial Regex SeedStackLine();
}
