using GenreML.Inference.Answers;
using System.Globalization;
using GenreML.Cli.Invocation;
using GenreML.Cli.Models;
using GenreML.Inference.Batch;
using GenreML.Inference.Cards;
using GenreML.MLNet.Results;
using GenreML.MLNet.Data;
using GenreML.MLNet.Library;
using GenreML.MLNet.Scoring;
using GenreML.Core.Progress;
using Microsoft.ML;

namespace GenreML.Cli.Commands.Scoring;

/// <summary>
/// One <c>score</c> run: walk the inputs, keep this shard, leave out what the results file already has
/// (<c>--resume</c>), score the rest through the ML.NET pipeline and stream each result out as soon as it is known.
/// SIGINT/SIGTERM stop it after the file in hand, with a summary.
/// </summary>
internal sealed class LibraryScoringRun
{
    public string? ModelPath { get; init; }

    public required IReadOnlyList<string> Inputs { get; init; }

    public string? Output { get; init; }

    public int Top { get; init; } = 3;

    public int Threads { get; init; } = 1;

    public bool Resume { get; init; }

    public bool RetryFailed { get; init; }

    public bool HashContent { get; init; }

    public ShardSelector? Shard { get; init; }

    public bool Verbose { get; init; }

    /// <summary>Overrides the card's minimum confidence (status <c>uncertain</c> below it); null keeps the card's.</summary>
    public double? MinConfidence { get; init; }

    /// <summary>Whether each result line carries the file's genre timeline (<c>segments</c>; JSON Lines only).</summary>
    public bool Timeline { get; init; }

    /// <summary>
    /// Called with each outcome instead of printing it, before its results line is written, so the line records the
    /// file as the callback left it (<c>tag</c> writes the genre here: a file whose line exists was tagged, and
    /// <c>--resume</c> sees it unchanged).
    /// </summary>
    public Action<ClassificationOutcome>? OnScored { get; init; }

    /// <summary>Runs; returns the exit code (<see cref="ExitCodes"/>).</summary>
    /// <exception cref="UsageException">No model, no audio, or an unreadable results file.</exception>
    public int Run()
    {
        var ml = new MLContext(seed: 0);
        using GenreScoringTransformer scorer = ModelLocator.Open(ModelPath, path => ml.Transforms.ScoreGenres(new GenreScoringOptions { ModelPath = path, Threads = Threads, MinConfidence = MinConfidence, IncludeWindows = Timeline }));
        string model = ModelIdentity.Of(scorer.ModelPath);
        int top = Math.Min(Top, scorer.Card.Labels.Count);
        var walker = new LibraryWalker();
        List<LibraryFile> found = walker.Walk(Inputs).ToList();
        SkipSummary.Print(walker, Verbose);
        if (found.Count == 0)
        {
            throw new UsageException($"no audio files in {string.Join(", ", Inputs)} (audio extensions: {string.Join(' ', AudioFolderOptions.DefaultExtensions)}).");
        }

        List<LibraryFile> mine = Shard is null ? found : found.Where(Shard.Selects).ToList();
        ResumeIndex done = LoadResume(model);
        string[] todo = mine.Where(f => !done.IsDone(f.Path)).Select(f => f.Path).ToArray();
        int skipped = mine.Count - todo.Length;
        if (Shard is not null || skipped > 0)
        {
            Console.Error.WriteLine($"{mine.Count} of {found.Count} files{(Shard is null ? "" : $" in shard {Shard}")}; {skipped} already in {Output}, {todo.Length} to score.");
        }

        using var interrupt = new InterruptSignal();
        using ResultsFileWriter? writer = Output is null ? null : Resume ? ResultsFileWriter.Append(Output, done, top) : ResultsFileWriter.Create(Output, top);
        var failures = new List<(string Path, string Reason)>();
        int scored = 0;
        try
        {
            using var progress = new ConsoleProgress("score", todo.Length, writer is not null && ScoringCliOptions.ShowProgress, Console.Out);
            foreach (ClassificationOutcome outcome in GenrePredictions.Read(scorer.Transform(ml.Data.LoadFromAudioFiles(todo))))
            {
                scored++;
                if (!outcome.Succeeded)
                {
                    failures.Add((outcome.Path, outcome.Error ?? ""));
                }

                if (OnScored is not null)
                {
                    OnScored(outcome);
                }
                else if (writer is null)
                {
                    Print(outcome, top);
                }

                writer?.Write(new ResultRecord(outcome, FileIdentity.Of(outcome.Path, HashContent), model));

                progress.Increment();
                if (interrupt.Received is not null)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ModelCardException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"score: {e.Message}");
            return ExitCodes.Usage;
        }

        string summary = $"scored {scored - failures.Count}, failed {failures.Count}, skipped {skipped} (already done), left {todo.Length - scored}";
        if (interrupt.Received is { } signal)
        {
            Console.Error.WriteLine($"Interrupted by {signal}: {summary}.{(writer is null ? "" : $" Rerun with --resume to finish {Output}.")}");
            return ExitCodes.Interrupted;
        }

        if (writer is not null)
        {
            Console.WriteLine($"Scored {scored - failures.Count} of {scored} files; wrote {Output} ({summary}).");
        }

        return FailureReport.Print($"{failures.Count} of {scored} file(s) could not be scored:", failures);
    }

    private ResumeIndex LoadResume(string model)
    {
        if (!Resume || Output is null)
        {
            return ResumeIndex.Empty;
        }

        try
        {
            return ResumeIndex.Load(Output, model, RetryFailed);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--resume: {e.Message}", e);
        }
    }

    private static void Print(ClassificationOutcome outcome, int top)
    {
        if (outcome.Prediction is not { } p)
        {
            Console.WriteLine($"{outcome.Path}\terror: {outcome.Error}");
            return;
        }

        string ranking = string.Join("  ", p.Scores.Take(top).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Genre} {s.Probability:0.000}")));
        string verdict = p.Status == ResultStatus.Ok ? p.Genre : $"can't tell ({p.Status}); top guess {p.Genre}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outcome.Path}\t{p.Status}\t{verdict}\t{p.Confidence:0.000}\t{p.Duration.TotalSeconds:0.0}s\t{ranking}"));
    }
}
