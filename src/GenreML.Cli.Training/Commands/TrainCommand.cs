using System.CommandLine;
using System.Globalization;
using GenreML.Cli.Invocation;
using GenreML.Cli.Reporting;
using GenreML.Reports.Report;
using GenreML.Training.Data;
using GenreML.Training.Engine;
using GenreML.Training.Runs;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml train</c>: trains a genre CNN and writes a run folder (weights, card.json, metrics.json,
/// split.txt, model.onnx). Exit codes (<see cref="ExitCodes"/>): 0 trained; 1 trained, but some files could not be read
/// and were skipped (each listed, then a one-line count); 2 nothing could be trained (bad options, no such data folder,
/// no usable clips, a run folder that cannot be resumed): one line; 130 interrupted (resume with --resume).
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
        var init = new Option<string?>("--init") { Description = "Fine-tune: start from the kept weights of this earlier run folder (the classifier starts fresh when the labels differ; same --arch/--width/--head)" };
        var ensemble = CliOptions.WholeNumber("--ensemble", "Train N networks with seeds --seed, --seed+1, … (run folder member1, member2, …) and export them as one ONNX graph that averages their probabilities", 1, min: 1);

        var command = new Command("train", "Train a genre classifier on labelled audio and write a run folder");
        foreach (Option option in new Option[] { data, output, splitFile, swap, merge, resume, quiet, cache, noCache, ensemble, init })
        {
            command.Options.Add(option);
        }

        var hyperParameters = new TrainingOptionSet(command);

        command.SetAction((parse, cancel) =>
        {
            string? outDir = parse.GetValue(output);
            if (parse.GetValue(resume) && outDir is null)
            {
                throw new UsageException("--resume needs --out <the run folder to continue>");
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
                InitFrom = parse.GetValue(init),
                CommandLine = "genreml " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            };
            bool showProgress = !parse.GetValue(quiet) && !Console.IsErrorRedirected;
            return Task.FromResult(InterruptSignal.Run("train", stop => Train(wiring(), request, showProgress, stop),
                $"continue with --resume --out {request.OutputDirectory}", cancel));
        });
        return command;
    }

    private static int Train(TrainingServices services, TrainingRequest request, bool showProgress, CancellationToken cancel)
    {
        try
        {
            var result = new TrainingRun(services, Console.Out, showProgress ? Console.Error : null).Run(request, cancel);
            RunReportFiles report = TrainingReport.Write(result.OutputDirectory);
            Console.WriteLine($"wrote {report.MarkdownPath} and {report.ChartPaths.Count} charts");
            return ExitCodes.AfterSkipping("train", result.Failures.Count, "listed above and in metrics.json");
        }
        catch (Exception ex) when (ex is DatasetException or ArgumentException or InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException(ex.Message, ex);
        }
    }
}
