using System.CommandLine;
using GenreML.Cli.Commands.Scoring;
using GenreML.Cli.Commands.Tagging;
using GenreML.Cli.Invocation;
using GenreML.Cli.Models;
using GenreML.Inference.Batch;
using GenreML.Inference.Cards;
using GenreML.MLNet.Library;
using GenreML.MLNet.Results;
using GenreML.Tagging;
using GenreML.Tagging.Planning;
using GenreML.Tagging.Undo;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml tag</c>: writes the genre the model hears into the files (ID3v2.4 TCON, Vorbis comment GENRE,
/// MP4 ©gen; WAV with <c>--wav-id3</c>). A dry run unless <c>--write</c>; every write is logged in an undo log
/// that <c>--undo</c> plays back. Exit code 0 when every file was handled, 1 when some could not be written
/// (listed on standard error), 2 when nothing could run.
/// </summary>
internal static class TagCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Audio files and folders (searched recursively) to classify and tag.", Arity = ArgumentArity.ZeroOrMore };
        Option<string?> model = ScoringCliOptions.Model();
        Option<int> threads = ScoringCliOptions.Threads();
        var from = new Option<string?>("--from") { Description = "Tag from a 'score --out results.jsonl' file instead of classifying (the paths in it are tagged)." };
        Option<int> top = CliOptions.WholeNumber("--top", "Write up to this many genres, most probable first (default: 1).", 1, min: 1);
        Option<float> minConfidence = CliOptions.Probability("--min-confidence",
            $"Write only genres at least this probable, 0–1 (default: {GenreChoice.DefaultMinConfidence}); a file whose best genre is below it is left alone.",
            GenreChoice.DefaultMinConfidence);
        var map = new Option<string?>("--map") { Description = "A JSON object renaming labels to your genre names, e.g. {\"hiphop\": \"Hip-Hop\", \"disco\": null} (null: never write it)." };
        var delimiter = new Option<string>("--delimiter") { Description = $"Joins several genres where the field holds one string (MP4 ©gen) (default: \"{TagPlanner.DefaultDelimiter}\").", DefaultValueFactory = _ => TagPlanner.DefaultDelimiter };
        var mode = new Option<TagMode>("--mode") { Description = "keep: leave files that have a genre alone (default); replace: write ours instead; merge: add ours to theirs.", DefaultValueFactory = _ => TagMode.Keep };
        var write = new Option<bool>("--write") { Description = "Change the files (without it: a dry run that prints the plan and changes nothing)." };
        var undoLog = new Option<string>("--undo-log") { Description = $"Append every change to this JSON Lines file (default: {UndoLog.DefaultFileName} in the current folder).", DefaultValueFactory = _ => UndoLog.DefaultFileName };
        var undo = new Option<string?>("--undo") { Description = "Restore the genres an undo log recorded (newest first) and report files changed since." };
        var wavId3 = new Option<bool>("--wav-id3") { Description = "Also tag WAV files, with an ID3v2 chunk (not every player reads it)." };
        var keepMtime = new Option<bool>("--keep-mtime") { Description = "Give each rewritten file its old modification time." };
        var output = new Option<string?>("--out")
        {
            Description = "With --write and files or folders: stream each file's scores to this results file (.jsonl or .csv, as 'score --out') after the file is tagged, so --resume can continue the run.",
        };
        var resume = new Option<bool>("--resume") { Description = "Continue a killed or interrupted 'tag --write --out' run: files already in the --out file are done." };
        Option<ShardSelector?> shard = ScoringCliOptions.Shard();
        Option<bool> verbose = ScoringCliOptions.Verbose();
        delimiter.Validators.Add(r =>
        {
            if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>()))
            {
                r.AddError("--delimiter must hold a visible character.");
            }
        });

        var command = new Command("tag", "Write the genre into audio files' tags (a dry run unless --write; undo with --undo).")
        {
            paths, model, threads, from, top, minConfidence, map, delimiter, mode, write, undoLog, undo, wavId3, keepMtime, output, resume, shard, verbose,
        };
        command.Validators.Add(r =>
        {
            int sources = (r.GetValue(paths) is { Length: > 0 } ? 1 : 0) + (r.GetValue(from) is not null ? 1 : 0) + (r.GetValue(undo) is not null ? 1 : 0);
            if (sources != 1)
            {
                r.AddError("Give files or folders to classify and tag, or --from results.jsonl, or --undo log.jsonl (exactly one of them).");
            }

            if ((r.GetValue(output) is not null || r.GetValue(shard) is not null) && r.GetValue(paths) is not { Length: > 0 })
            {
                r.AddError("--out and --shard go with files or folders to classify.");
            }

            if (r.GetValue(output) is not null && !r.GetValue(write))
            {
                r.AddError("--out records a --write run's progress; for a dry run, score once with 'score --out results.jsonl' and plan with 'tag --from results.jsonl'.");
            }

            if (r.GetValue(resume) && r.GetValue(output) is null)
            {
                r.AddError("--resume continues a 'tag --write --out results.jsonl' run: give its --out.");
            }
        });
        command.SetAction(parse =>
        {
            if (parse.GetValue(undo) is { } undoFrom)
            {
                return Undo(undoFrom, parse.GetValue(keepMtime));
            }

            var request = new TagRequest(
                parse.GetValue(paths) ?? [],
                parse.GetValue(from),
                parse.GetValue(model),
                parse.GetValue(threads),
                parse.GetValue(output),
                parse.GetValue(resume),
                parse.GetValue(shard),
                parse.GetValue(verbose),
                parse.GetValue(map),
                parse.GetValue(write) ? parse.GetValue(undoLog)! : null,
                new TaggingOptions
                {
                    Choice = new GenreChoice { Top = parse.GetValue(top), MinConfidence = parse.GetValue(minConfidence) },
                    Planner = new TagPlanner { Mode = parse.GetValue(mode), Delimiter = parse.GetValue(delimiter)! },
                    WavId3 = parse.GetValue(wavId3),
                    KeepModificationTime = parse.GetValue(keepMtime),
                });
            return Tag(request);
        });
        return command;
    }

    private static int Tag(TagRequest request)
    {
        UndoLog? log = null;
        try
        {
            string? modelPath = request.From is null ? ModelLocator.Resolve(request.Model) : null;
            TaggingOptions options = request.Options;
            if (request.MapPath is { } mapPath)
            {
                GenreMap map = GenreMap.Load(mapPath);
                if (modelPath is not null && map.UnknownLabels(TagInputs.Labels(modelPath)) is { Count: > 0 } unknown)
                {
                    Console.Error.WriteLine($"tag: warning: {mapPath} maps labels the model does not have: {string.Join(", ", unknown)}");
                }

                options = options with { Choice = options.Choice with { Map = map } };
            }

            log = request.UndoLogPath is { } logPath ? UndoLog.Open(logPath) : null;
            var tagger = new LibraryTagger(options, log);
            var report = new TagReport(Console.Out, "tagged");
            int scoring = ExitCodes.Ok;
            if (request.From is { } results)
            {
                foreach (TagInput input in TagInputs.FromResults(results))
                {
                    report.Add(tagger.Tag(input));
                }
            }
            else
            {
                scoring = new LibraryScoringRun
                {
                    ModelPath = modelPath,
                    Inputs = request.Paths,
                    Output = request.Output,
                    Resume = request.Resume,
                    Shard = request.Shard,
                    Threads = request.Threads,
                    Verbose = request.Verbose,
                    Top = int.MaxValue, // every genre in the results file, so --from can choose again later
                    OnScored = outcome => report.Add(tagger.Tag(ToInput(outcome))),
                }.Run();
            }

            int tagging = report.Finish(dryRun: log is null, log?.Path);
            return scoring is ExitCodes.Usage or ExitCodes.Interrupted ? scoring : Math.Max(scoring, tagging);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"tag: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ModelCardException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"tag: {e.Message}");
            return ExitCodes.Usage;
        }
        finally
        {
            log?.Dispose();
        }
    }

    private static int Undo(string logPath, bool keepModificationTime)
    {
        try
        {
            IReadOnlyList<UndoRecord> records = UndoLog.Read(logPath, out string? skipped);
            if (skipped is not null)
            {
                Console.Error.WriteLine($"tag: warning: {skipped}");
            }

            var report = new TagReport(Console.Out, "restored");
            foreach (TagOutcome outcome in new TagUndoer(keepModificationTime).Undo(records))
            {
                report.Add(outcome);
            }

            return report.Finish(dryRun: false, undoLog: null);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"tag: {e.Message}");
            return ExitCodes.Usage;
        }
    }

    // A file that could not be scored is reported by the scoring run and left alone here; so is one whose answer
    // is not a genre (silence, too short, not music, uncertain), as with --from.
    private static TagInput ToInput(ClassificationOutcome outcome) =>
        new(outcome.Path, outcome.Prediction?.Scores ?? [],
            outcome.Succeeded ? TagInputs.NotAnAnswer(outcome.Prediction?.Status) : $"could not be scored: {outcome.Error}");

    private sealed record TagRequest(
        IReadOnlyList<string> Paths,
        string? From,
        string? Model,
        int Threads,
        string? Output,
        bool Resume,
        ShardSelector? Shard,
        bool Verbose,
        string? MapPath,
        string? UndoLogPath,
        TaggingOptions Options);
}
