using GenreML.Cli.Models;
using System.CommandLine;
using System.Globalization;
using GenreML.Cli.Commands.Scoring;
using GenreML.Core.Progress;
using GenreML.Inference.Answers;
using GenreML.Inference.Batch;
using GenreML.Inference.Cards;
using GenreML.MLNet.Results;
using GenreML.MLNet.Data;
using GenreML.MLNet.Scoring;
using Microsoft.ML;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml score</c>: tells the genre of audio files (and of the audio under folders) through the ML.NET
/// pipeline, printing one line per file or writing a CSV / JSON Lines file atomically. A file that cannot be
/// decoded gets an error row and the rest go on. Exit code 0 when all were scored, 1 when some failed
/// (listed on standard error), 2 when nothing could be run (e.g. no model).
/// </summary>
internal static class ScoreCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        Option<string?> model = ScoringCliOptions.Model();
        var paths = new Argument<string[]>("paths")
        {
            Description = "Audio files and folders (folders are searched recursively for audio files).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--out") { Description = "Write the results to this file: .csv or .jsonl (default: print them)." };
        var top = new Option<int>("--top")
        {
            Description = "Genres to list per file, most probable first (default: 3).",
            DefaultValueFactory = _ => 3,
        };
        top.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--top must be at least 1.");
            }
        });
        output.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } path)
            {
                try
                {
                    PredictionFileWriter.FormatOf(path);
                }
                catch (ArgumentException e)
                {
                    result.AddError(e.Message);
                }
            }
        });
        Option<int> threads = ScoringCliOptions.Threads();
        var minConfidence = new Option<double?>("--min-confidence") { Description = "Calibrated top probability below which a file's status is 'uncertain' (default: the model card's; 0 turns it off)" };
        minConfidence.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is double m && !(m >= 0 && m <= 1))
            {
                result.AddError("--min-confidence must be between 0 and 1.");
            }
        });
        var command = new Command("score", "Tell the genre of audio files with the ML.NET pipeline; each file gets a status (ok, too_short, silence, not_music, uncertain).") { model, paths, output, top, threads, minConfidence };
        command.SetAction(parse => Run(parse.GetValue(model), parse.GetValue(paths)!, parse.GetValue(output), parse.GetValue(top), parse.GetValue(threads), parse.GetValue(minConfidence)));
        return command;
    }

    private static int Run(string? modelPath, string[] paths, string? output, int top, int threads, double? minConfidence)
    {
        try
        {
            var ml = new MLContext(seed: 0);
            AudioSourceView source = ml.Data.LoadFromAudioFiles(paths);
            using GenreScoringTransformer scorer = ml.Transforms.ScoreGenres(new GenreScoringOptions { ModelPath = ModelLocator.Resolve(modelPath), Threads = threads, MinConfidence = minConfidence });
            top = Math.Min(top, scorer.Card.Labels.Count);
            int total = source.Entries().Count();
            var failures = new List<ClassificationOutcome>();
            int scored;
            using (var progress = new ConsoleProgress("score", total, output is not null && ScoringCliOptions.ShowProgress, Console.Out))
            {
                IEnumerable<ClassificationOutcome> predictions = GenrePredictions.Read(scorer.Transform(source))
                    .Select(p =>
                    {
                        if (!p.Succeeded)
                        {
                            failures.Add(p);
                        }

                        progress.Increment();
                        return p;
                    });
                scored = output is null ? Print(predictions, top) : PredictionFileWriter.Write(output, predictions, top);
            }

            if (output is not null)
            {
                Console.WriteLine($"Scored {scored - failures.Count} of {scored} files; wrote {output}.");
            }

            return FailureReport.Print($"{failures.Count} of {scored} file(s) could not be scored:", failures.Select(f => (f.Path, f.Error ?? "")).ToArray());
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ModelCardException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"score: {e.Message}");
            return 2;
        }
    }

    private static int Print(IEnumerable<ClassificationOutcome> outcomes, int top)
    {
        int count = 0;
        foreach (ClassificationOutcome o in outcomes)
        {
            count++;
            if (o.Prediction is not { } p)
            {
                Console.WriteLine($"{o.Path}\terror: {o.Error}");
                continue;
            }

            string ranking = string.Join("  ", p.Scores.Take(top).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Genre} {s.Probability:0.000}")));
            string verdict = p.Status == ResultStatus.Ok ? p.Genre : $"can't tell ({p.Status}); top guess {p.Genre}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{o.Path}\t{p.Status}\t{verdict}\t{p.Confidence:0.000}\t{p.Duration.TotalSeconds:0.0}s\t{ranking}"));
        }

        return count;
    }
}
