using System.CommandLine;
using GenreML.Audio;
using GenreML.Cli.Commands.Predicting;
using GenreML.Cli.Commands.Scoring;
using GenreML.Cli.Invocation;
using GenreML.Cli.Models;
using GenreML.Cli.Reporting;
using GenreML.Inference;
using GenreML.Inference.Answers;
using GenreML.Inference.Cards;
using GenreML.Inference.Results;
using GenreML.MLNet.Library;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml predict</c>: the genre of audio files for a person (genre, confidence and a bar per genre, optionally
/// the genre timeline) or, with <c>--json</c>, for a program (one JSON object per input per line, errors included).
/// Exit codes: 0 all classified, 1 some inputs failed, 2 nothing could run.
/// </summary>
internal static class PredictCommand
{
    private const int BarWidth = 30;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Audio files, folders (searched recursively), glob patterns ('music/**/*.mp3') or - for audio on standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        Option<string?> model = ScoringCliOptions.Model();
        Option<int> top = CliOptions.WholeNumber("--top", "Genres to show per input, most probable first (default: all)", defaultValue: int.MaxValue, min: 1);
        var windows = new Option<bool>("--windows") { Description = "Also give the genre of every window over time" };
        var timeline = new Option<bool>("--timeline") { Description = "Also give the genre timeline: consecutive windows with the same top genre merged into segments" };
        var chart = new Option<string?>("--chart") { Description = "With --timeline and one input: draw the genre probabilities over time into this PNG" };
        var minConfidence = CliOptions.OptionalNumber("--min-confidence", "Calibrated top probability below which the answer is 'uncertain' (default: the model card's; 0 turns it off)", min: 0, max: 1);
        var json = new Option<bool>("--json") { Description = "Print one JSON object per input and line (path, status, genre, probability, top_genres, top_probabilities, seconds, windows, not_music_score, probabilities; segments with --timeline; window_predictions with --windows); failures as {\"path\",\"error\"}" };
        var verbose = ScoringCliOptions.Verbose();
        var command = new Command("predict", "Tell the genre of audio files, with the probability of every genre, or say why it can't tell") { inputs, model, top, windows, timeline, chart, json, minConfidence, verbose };
        command.Validators.Add(result =>
        {
            if (result.GetValue(chart) is not null && !result.GetValue(timeline))
            {
                result.AddError("--chart draws the timeline: add --timeline.");
            }
        });
        command.SetAction((parse, cancel) => Task.FromResult(new Run
        {
            Inputs = parse.GetValue(inputs)!,
            Top = parse.GetValue(top),
            Windows = parse.GetValue(windows),
            Timeline = parse.GetValue(timeline),
            Chart = parse.GetValue(chart),
            Json = parse.GetValue(json),
            MinConfidence = parse.GetValue(minConfidence),
            Verbose = parse.GetValue(verbose),
        }.Execute(parse.GetValue(model), cancel)));
        return command;
    }

    private sealed class Run
    {
        public required string[] Inputs { get; init; }

        public int Top { get; init; }

        public bool Windows { get; init; }

        public bool Timeline { get; init; }

        public string? Chart { get; init; }

        public bool Json { get; init; }

        public bool Verbose { get; init; }

        public double? MinConfidence { get; init; }

        public int Execute(string? modelPath, CancellationToken cancel)
        {
            GenreClassifier classifier;
            try
            {
                classifier = ModelLocator.Open(modelPath, path => GenreClassifier.Open(path, new GenreClassifierOptions { IncludeWindows = Windows || Timeline, MinConfidence = MinConfidence }));
            }
            catch (UsageException e) when (Json)
            {
                Console.WriteLine(PredictionJson.Error(null, e.Message));
                throw;
            }

            using (classifier)
            {
                var walker = new LibraryWalker();
                List<string> files = PredictInputs.Expand(Inputs, walker).ToList();
                SkipSummary.Print(walker, Verbose);
                if (files.Count == 0)
                {
                    string message = $"no audio files in {string.Join(", ", Inputs)}.";
                    if (Json)
                    {
                        Console.WriteLine(PredictionJson.Error(null, message));
                    }

                    throw new UsageException(message);
                }

                if (Chart is not null && files.Count != 1)
                {
                    throw new UsageException($"--chart draws one file's timeline, but the inputs name {files.Count} files.");
                }

                int failed = 0;
                foreach (string file in files)
                {
                    cancel.ThrowIfCancellationRequested();
                    if (!Classify(classifier, file, cancel))
                    {
                        failed++;
                    }
                }

                return failed == 0 ? ExitCodes.Ok : ExitCodes.SomeFailed;
            }
        }

        private bool Classify(GenreClassifier classifier, string file, CancellationToken cancel)
        {
            GenrePrediction prediction;
            try
            {
                prediction = file == PredictInputs.StandardInput ? FromStandardInput(classifier, cancel) : classifier.Classify(file, cancel);
            }
            catch (Exception e) when (e is AudioFormatException or ModelCardException or InvalidDataException or IOException or ArgumentException or UnauthorizedAccessException)
            {
                string reason = file == PredictInputs.StandardInput ? e.Message : FileErrorText.Naming(file, e);
                if (Json)
                {
                    Console.WriteLine(PredictionJson.Error(file, e.Message));
                }
                else
                {
                    Console.Error.WriteLine($"error: {reason}");
                }

                return false;
            }

            if (Json)
            {
                Console.WriteLine(PredictionJson.Of(file, prediction, Top, Windows, Timeline));
            }
            else
            {
                PrintText(file, prediction);
            }

            if (Chart is not null)
            {
                TimelineChartFile.Write(Chart, prediction, classifier.Labels);
                if (!Json)
                {
                    Console.WriteLine($"Wrote {Chart}.");
                }
            }

            return true;
        }

        private static GenrePrediction FromStandardInput(GenreClassifier classifier, CancellationToken cancel)
        {
            using var buffer = new MemoryStream();
            using (Stream input = Console.OpenStandardInput())
            {
                input.CopyTo(buffer);
            }

            buffer.Position = 0;
            return classifier.Classify(buffer, "standard input", cancel);
        }

        private void PrintText(string file, GenrePrediction prediction)
        {
            string name = file == PredictInputs.StandardInput ? "standard input" : Path.GetFileName(file);
            Console.WriteLine(prediction.Status == ResultStatus.Ok
                ? $"{name}: {prediction.Genre} ({prediction.Confidence:P0}), {TimeText.Format(prediction.Duration)} analysed in {prediction.WindowCount} windows"
                : $"{name}: can't tell: {prediction.Status} ({ResultStatus.Describe(prediction.Status)}); top guess {prediction.Genre} ({prediction.Confidence:P0}), {TimeText.Format(prediction.Duration)} in {prediction.WindowCount} windows");
            int labelWidth = prediction.Scores.Max(s => s.Genre.Length);
            foreach (GenreScore score in prediction.Scores.Take(Top))
            {
                int filled = (int)Math.Round(score.Probability * BarWidth);
                Console.WriteLine($"  {score.Genre.PadRight(labelWidth)} {new string('█', filled)}{new string('·', BarWidth - filled)} {score.Probability,6:P1}");
            }

            if (Timeline)
            {
                Console.WriteLine("  timeline:");
                foreach (GenreSegment segment in prediction.Segments ?? [])
                {
                    Console.WriteLine($"  {TimeText.Format(segment.Start)}–{TimeText.Format(segment.End)} {segment.Genre} ({segment.Probability:P0})");
                }
            }

            if (Windows)
            {
                Console.WriteLine("  windows:");
                foreach (WindowPrediction window in prediction.Windows ?? [])
                {
                    Console.WriteLine($"  {TimeText.Format(window.Start)}–{TimeText.Format(window.End)} {window.Genre} ({window.Confidence:P0})");
                }
            }
        }
    }
}
