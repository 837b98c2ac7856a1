using System.CommandLine;
using System.Globalization;
using GenreML.Cli.Reporting;
using GenreML.Reports.Report;
using GenreML.Training.Data;
using GenreML.Training.Engine;
using GenreML.Training.Runs;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml train</c>: trains a genre CNN and writes a run folder (weights, card.json, metrics.json,
/// split.txt, model.onnx). Exit codes: 0 success, 1 error, 2 trained but some files were skipped.
/// </summary>
internal static class TrainCommand
{
    /// <summary>
    /// Creates the command. <paramref name="wiring"/> supplies the audio front end and the ONNX exporter
    /// when the command runs (the same featurizer the inference paths use).
    /// </summary>
    public static Command Create(Func<TrainingServices> wiring)
    {
        ArgumentNullException.ThrowIfNull(wiring);
        var data = new Option<string?>("--data") { Description = "Audio folder <root>/<genre>/<files> or a CSV manifest (path,label); without it, the built-in synthetic demo set" };
        var output = new Option<string?>("--out") { Description = "Run folder (default runs/<UTC timestamp>)" };
        var splitFile = new Option<string?>("--split-file") { Description = "Split file with lines '<name> train|valid|test' (default: stratified 70/15/15)" };
        var swap = new Option<bool>("--swap-split") { Description = "Train on the valid part and validate on the train part (second fold of two-fold cross-validation)" };
        var merge = new Option<bool>("--merge-valid") { Description = "Train on the train and valid parts together with no validation: all --epochs run and the last is kept (for a final model once cross-validation has chosen the settings)" };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out after its last finished epoch" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bars (for logs)" };
        var cache = new Option<string?>("--cache-dir") { Description = "Feature cache folder (default ~/.cache/genreml/features)" };
        var noCache = new Option<bool>("--no-cache") { Description = "Do not read or write the feature cache" };
        var ensemble = new Option<int>("--ensemble") { Description = "Train N networks with seeds --seed, --seed+1, … (run folder member1, member2, …) and export them as one ONNX graph that averages their probabilities", DefaultValueFactory = _ => 1 };

        var command = new Command("train", "Train a genre classifier on labelled audio and write a run folder");
        foreach (Option option in new Option[] { data, output, splitFile, swap, merge, resume, quiet, cache, noCache, ensemble })
        {
            command.Options.Add(option);
        }

        var hyperParameters = new TrainingOptionSet(command);

        command.SetAction((parse, cancel) =>
        {
            string? outDir = parse.GetValue(output);
            if (parse.GetValue(resume) && outDir is null)
            {
                Console.Error.WriteLine("train: --resume needs --out <the run folder to continue>");
                return Task.FromResult(1);
            }

            var options = hyperParameters.Bind(parse) with { EnsembleMembers = parse.GetValue(ensemble) };
            if (parse.GetValue(data) is null && !hyperParameters.HasEpochs(parse)) options = options with { Epochs = DemoData.Epochs };
            if (parse.GetValue(data) is null && !hyperParameters.HasWidth(parse)) options = options with { Width = DemoData.Width };

            var request = new TrainingRequest
            {
                DataPath = parse.GetValue(data) ?? DemoData.EnsureWritten(),
                OutputDirectory = outDir ?? Path.Combine("runs", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)),
                Options = options,
                SplitFile = parse.GetValue(splitFile),
                SwapTrainValid = parse.GetValue(swap),
                MergeValidIntoTrain = parse.GetValue(merge),
                CacheDirectory = parse.GetValue(noCache) ? "" : parse.GetValue(cache),
                Resume = parse.GetValue(resume),
                CommandLine = "genreml " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            };
            bool showProgress = !parse.GetValue(quiet) && !Console.IsErrorRedirected;
            try
            {
                var result = new TrainingRun(wiring(), Console.Out, showProgress ? Console.Error : null).Run(request, cancel);
                RunReportFiles report = TrainingReport.Write(result.OutputDirectory);
                Console.WriteLine($"wrote {report.MarkdownPath} and {report.ChartPaths.Count} charts");
                if (result.Failures.Count > 0)
                {
                    Console.Error.WriteLine($"train: {result.Failures.Count} file(s) could not be read and were skipped (listed above and in metrics.json)");
                    return Task.FromResult(2);
                }

                return Task.FromResult(0);
            }
            catch (Exception ex) when (ex is DatasetException or ArgumentException or InvalidOperationException or InvalidDataException or IOException)
            {
                Console.Error.WriteLine($"train: {ex.Message}");
                return Task.FromResult(1);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"train: cancelled; continue with --resume --out {request.OutputDirectory}");
                return Task.FromResult(1);
            }
        });
        return command;
    }
}
