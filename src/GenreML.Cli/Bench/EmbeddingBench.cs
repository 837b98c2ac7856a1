using System.Diagnostics;
using System.Globalization;
using GenreML.Audio;
using GenreML.Audio.Decoding;
using GenreML.Audio.Features;
using GenreML.Audio.Synthesis;
using GenreML.Inference;
using GenreML.Inference.Batch;

namespace GenreML.Cli.Bench;

/// <summary>
/// <c>genreml bench embedding</c>: how fast the embeddable <see cref="GenreClassifier"/> is. Measures the
/// end-to-end latency of classifying one 30-second clip from a WAV file (median of several runs after a
/// warm-up, split into decode + resample, log-Mel and network), then the throughput of
/// <see cref="GenreClassifier.ClassifyMany"/> on a batch of clips, one file at a time and with every core.
/// Clips are synthetic (<see cref="DemoSongSynthesizer"/>, 22 050 Hz mono 16-bit WAV, as GTZAN) unless a
/// real file is given; they are written to a temporary folder that is deleted afterwards.
/// </summary>
internal static class EmbeddingBench
{
    /// <summary>Runs the benchmark and writes a report to <paramref name="output"/>; returns the process exit code.</summary>
    /// <param name="modelPath">A GenreML ONNX model with its card.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="repetitions">Timed single-clip runs (after one warm-up); the median is reported.</param>
    /// <param name="batchClips">Clips in the throughput batch.</param>
    /// <param name="audioPath">A real audio file for the latency part instead of a synthetic clip; null for synthetic.</param>
    /// <param name="cancellationToken">Stops the benchmark between runs.</param>
    public static int Run(string modelPath, TextWriter output, int repetitions = 15, int batchClips = 20, string? audioPath = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repetitions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchClips);
        string folder = Directory.CreateTempSubdirectory("genreml-bench-").FullName;
        try
        {
            var open = Stopwatch.StartNew();
            using var classifier = GenreClassifier.Open(modelPath);
            open.Stop();
            output.WriteLine(Invariant($"model      {modelPath} ({classifier.Card.Architecture}, {classifier.Labels.Count} labels, input [N, 1, {classifier.Card.Features.MelBands}, {classifier.Card.WindowFrames}]) opened in {open.Elapsed.TotalMilliseconds:F0} ms"));
            output.WriteLine(Invariant($"machine    {Environment.ProcessorCount} logical cores, .NET {Environment.Version}, ONNX Runtime on {classifier.Device}"));

            string clip = audioPath ?? WriteClip(folder, "rock", 0);
            Latency(classifier, clip, repetitions, output, cancellationToken);

            string[] clips = Enumerable.Range(0, batchClips)
                .Select(i => WriteClip(folder, DemoSongSynthesizer.Genres[i % DemoSongSynthesizer.Genres.Count], i))
                .ToArray();
            Throughput(classifier, clips, 1, output, cancellationToken);
            Throughput(classifier, clips, Environment.ProcessorCount, output, cancellationToken);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Latency(GenreClassifier classifier, string clip, int repetitions, TextWriter output, CancellationToken cancellationToken)
    {
        var featurizer = new ClipFeaturizer(classifier.Card.Features);
        classifier.Classify(clip, cancellationToken);
        var total = new double[repetitions];
        var decode = new double[repetitions];
        var features = new double[repetitions];
        var network = new double[repetitions];
        int windows = 0;
        for (int r = 0; r < repetitions; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            classifier.Classify(clip, cancellationToken);
            total[r] = watch.Elapsed.TotalMilliseconds;

            watch.Restart();
            AudioSignal signal = featurizer.Load(clip);
            decode[r] = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            Spectrogram spectrogram = featurizer.Compute(signal);
            float[][] cut = SpectrogramWindows.Cut(spectrogram, classifier.Card.WindowFrames, classifier.Card.WindowHop);
            features[r] = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            classifier.PredictWindows(cut, cancellationToken);
            network[r] = watch.Elapsed.TotalMilliseconds;
            windows = cut.Length;
        }

        output.WriteLine(Invariant($"latency    one clip ({Path.GetFileName(clip)}, {windows} windows), median of {repetitions}: {Timings.Median(total):F1} ms end to end (min {total.Min():F1})"));
        output.WriteLine(Invariant($"           decode + resample {Timings.Median(decode):F1} ms, log-Mel + windows {Timings.Median(features):F1} ms, network {Timings.Median(network):F1} ms"));
    }

    private static void Throughput(GenreClassifier classifier, string[] clips, int parallelism, TextWriter output, CancellationToken cancellationToken)
    {
        var options = new BatchOptions { MaxDegreeOfParallelism = parallelism };
        var watch = Stopwatch.StartNew();
        IReadOnlyList<ClassificationOutcome> outcomes = classifier.ClassifyMany(clips, options, cancellationToken);
        double seconds = watch.Elapsed.TotalSeconds;
        int failed = outcomes.Count(o => !o.Succeeded);
        output.WriteLine(Invariant($"throughput ClassifyMany, {clips.Length} clips of 30 s, {parallelism} in parallel: {seconds:F2} s = {clips.Length / seconds:F1} clips/s ({clips.Length * 30 / seconds:F0}× real time){(failed > 0 ? $", {failed} FAILED" : "")}"));
    }

    private static string WriteClip(string folder, string genre, int variant)
    {
        string path = Path.Combine(folder, Invariant($"{genre}.{variant:D5}.wav"));
        WavWriter.Write(path, DemoSongSynthesizer.Render(genre, variant, seconds: 30), 22050);
        return path;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
