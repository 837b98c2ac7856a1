using System.Diagnostics;
using System.Globalization;
using GenreML.Audio.Features;

namespace GenreML.Cli.Bench;

/// <summary>
/// <c>genreml bench features</c>: times <see cref="LogMelExtractor"/> on a 30-second clip at the default
/// settings, single-threaded, and, when Debian's Python with torchaudio and the repository's
/// <c>bench/features_torchaudio.py</c> are present, the same front end in torchaudio, then prints the ratio.
/// </summary>
internal static class FeatureBench
{
    private const string ScriptPath = "bench/features_torchaudio.py";
    private const string ResultKey = "torchaudio_ms_per_clip=";
    private const int SampleRate = 22050;
    private const int Seconds = 30;

    /// <summary>Runs the benchmark, writing a human-readable report to <paramref name="output"/>.</summary>
    /// <param name="output">Where the figures go.</param>
    /// <param name="repetitions">Timed runs of each implementation (the median is reported).</param>
    /// <returns>0 when the C# figure was measured (the torchaudio figure is optional), 2 for a bad argument.</returns>
    public static int Run(TextWriter output, int repetitions)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (repetitions <= 0)
        {
            output.WriteLine($"repetitions must be positive (got {repetitions})");
            return 2;
        }

        float[] clip = TestClip();
        var extractor = new LogMelExtractor(LogMelOptions.Librosa);
        var destination = new float[extractor.OutputLength(clip.Length)];
        long firstStart = Stopwatch.GetTimestamp();
        extractor.Compute(clip, destination);
        double first = Stopwatch.GetElapsedTime(firstStart).TotalMilliseconds;

        // Warm up for at least a second so that every tier of the JIT has settled.
        long warmStart = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warmStart).TotalSeconds < 1)
        {
            extractor.Compute(clip, destination);
        }

        var times = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            long start = Stopwatch.GetTimestamp();
            extractor.Compute(clip, destination);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        double ours = Timings.Median(times);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GenreML LogMelExtractor: {ours:F2} ms per {Seconds}-s clip (median of {repetitions}, single thread, n_fft 2048, hop 512, 128 Mel bands, dB; first call incl. JIT {first:F2} ms)"));

        double? theirs = RunTorchaudio(output, repetitions);
        if (theirs is { } reference)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torchaudio MelSpectrogram + AmplitudeToDB: {reference:F2} ms per clip (median, single thread)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed-up: {reference / ours:F1}×"));
        }

        return 0;
    }

    /// <summary>A deterministic 30-s signal: two partials and seeded noise, peak about 0.55.</summary>
    private static float[] TestClip()
    {
        var random = new Random(0);
        var clip = new float[Seconds * SampleRate];
        for (int n = 0; n < clip.Length; n++)
        {
            double t = (double)n / SampleRate;
            clip[n] = (float)(0.3 * Math.Sin(2 * Math.PI * 220 * t) + 0.2 * Math.Sin(2 * Math.PI * 331 * t) + 0.05 * (random.NextDouble() * 2 - 1));
        }

        return clip;
    }

    private static double? RunTorchaudio(TextWriter output, int repetitions)
    {
        PythonRun? run = PythonReference.TryRun(ScriptPath, repetitions.ToString(CultureInfo.InvariantCulture));
        if (run is null)
        {
            output.WriteLine($"torchaudio comparison skipped: needs {PythonReference.Interpreter} and {ScriptPath} in a checkout containing GenreML.sln");
            return null;
        }

        string? line = run.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(ResultKey, StringComparison.Ordinal));
        if (run.ExitCode != 0 || line is null
            || !double.TryParse(line.AsSpan(ResultKey.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out double ms))
        {
            output.WriteLine($"torchaudio comparison failed (exit code {run.ExitCode}): {run.Errors.Trim()}");
            return null;
        }

        return ms;
    }
}
