using System.CommandLine;
using GenreML.Cli.Commands.Scoring;
using GenreML.Cli.Invocation;
using GenreML.MLNet.Results;
using GenreML.MLNet.Library;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml score</c>: tells the genre of audio files (and of the audio under folders) through the ML.NET
/// pipeline, printing one line per file or streaming a CSV / JSON Lines results file (a line per file, flushed as
/// it is known). <c>--resume</c> continues an interrupted run, <c>--shard K/N</c> scores a stable 1/N of the files.
/// Exit codes: 0 all scored, 1 some failed (listed on standard error), 2 nothing could run, 130 interrupted.
/// </summary>
internal static class ScoreCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        Option<string?> model = ScoringCliOptions.Model();
        var paths = new Argument<string[]>("paths")
        {
            Description = "Audio files and folders (folders are searched recursively for audio files, following symlinks, each folder once).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--out") { Description = "Stream the results to this file, a line per file as it is scored: .csv or .jsonl (default: print them)." };
        output.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0)
            {
                try
                {
                    ResultsFileWriter.FormatOf(result.Tokens[^1].Value);
                }
                catch (ArgumentException e)
                {
                    result.AddError(e.Message);
                }
            }
        });
        Option<int> top = ScoringCliOptions.Top();
        Option<int> threads = ScoringCliOptions.Threads();
        var resume = new Option<bool>("--resume") { Description = "Continue the --out file: skip files it already has from the same model, unchanged since (path, size, modification time)." };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "With --resume: score again the files whose line records an error." };
        var hash = new Option<bool>("--hash") { Description = "Also record each file's SHA-256, and with --resume compare contents too (reads every file once more)." };
        Option<ShardSelector?> shard = ScoringCliOptions.Shard();
        Option<bool> verbose = ScoringCliOptions.Verbose();
        var minConfidence = CliOptions.OptionalNumber("--min-confidence", "Calibrated top probability below which a file's status is 'uncertain' (default: the model card's; 0 turns it off)", min: 0, max: 1);
        var timeline = new Option<bool>("--timeline")
        {
            Description = "Give each file's genre timeline in its JSON line: \"segments\", consecutive windows with the same top genre merged into {start, end, genre, probability} (needs --out x.jsonl)",
        };
        var command = new Command("score", "Tell the genre of audio files with the ML.NET pipeline; each file gets a status (ok, too_short, silence, not_music, uncertain).")
        {
            model, paths, output, top, threads, resume, retryFailed, hash, shard, verbose, minConfidence, timeline,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(resume) || result.GetValue(retryFailed)) && result.GetValue(output) is null)
            {
                result.AddError("--resume and --retry-failed continue a results file: give it with --out.");
            }

            if (result.GetValue(retryFailed) && !result.GetValue(resume))
            {
                result.AddError("--retry-failed goes with --resume.");
            }

            string? file = result.GetValue(output);
            if (result.GetValue(timeline) && (file is null || file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
            {
                result.AddError("--timeline writes segments into JSON lines: give --out with a .jsonl file.");
            }
        });
        command.SetAction(parse => new LibraryScoringRun
        {
            ModelPath = parse.GetValue(model),
            Inputs = parse.GetValue(paths)!,
            Output = parse.GetValue(output),
            Top = parse.GetValue(top),
            Threads = parse.GetValue(threads),
            Resume = parse.GetValue(resume),
            RetryFailed = parse.GetValue(retryFailed),
            HashContent = parse.GetValue(hash),
            Shard = parse.GetValue(shard),
            Verbose = parse.GetValue(verbose),
            MinConfidence = parse.GetValue(minConfidence),
            Timeline = parse.GetValue(timeline),
        }.Run());
        return command;
    }
}
