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
        var arch = new Option<string>("--arch") { Description = "Architecture: default (3 s crops, compact CNN) or seed (the reference notebook)", DefaultValueFactory = _ => "default" };
        arch.AcceptOnlyFromAmong("default", "seed");
        var epochs = new Option<int?>("--epochs") { Description = "Maximum epochs (default: the architecture's preset)" };
        var splitFile = new Option<string?>("--split-file") { Description = "Split file with lines '<name> train|valid|test' (default: stratified 70/15/15)" };
        var swap = new Option<bool>("--swap-split") { Description = "Train on the valid part and validate on the train part (second fold of two-fold cross-validation)" };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice", DefaultValueFactory = _ => 1 };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out after its last finished epoch" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bars (for logs)" };
        var balance = new Option<string?>("--balance") { Description = "Class-imbalance strategy: none, sampler or weights (default: the preset's)" };
        balance.AcceptOnlyFromAmong("none", "sampler", "weights");
        var batch = new Option<int?>("--batch-size") { Description = "Windows per batch" };
        var lr = new Option<double?>("--lr") { Description = "(Peak) learning rate" };
        var patience = new Option<int?>("--patience") { Description = "Early-stopping patience in epochs (0 = off)" };
        var mixup = new Option<double?>("--mixup") { Description = "Mixup alpha (0 = off)" };
        var smoothing = new Option<double?>("--label-smoothing") { Description = "Label smoothing" };
        var width = new Option<int?>("--width") { Description = "Base width of the default network" };
        var cache = new Option<string?>("--cache-dir") { Description = "Feature cache folder (default ~/.cache/genreml/features)" };
        var noCache = new Option<bool>("--no-cache") { Description = "Do not read or write the feature cache" };

        var command = new Command("train", "Train a genre classifier on labelled audio and write a run folder");
        foreach (Option option in new Option[] { data, output, arch, epochs, splitFile, swap, seed, resume, quiet, balance, batch, lr, patience, mixup, smoothing, width, cache, noCache })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancel) =>
        {
            string? outDir = parse.GetValue(output);
            if (parse.GetValue(resume) && outDir is null)
            {
                Console.Error.WriteLine("train: --resume needs --out <the run folder to continue>");
                return Task.FromResult(1);
            }

            var options = TrainingOptions.ForArchitecture(parse.GetValue(arch)!) with { Seed = parse.GetValue(seed) };
            if (parse.GetValue(data) is null) options = options with { Epochs = DemoData.Epochs };
            if (parse.GetValue(epochs) is { } e) options = options with { Epochs = e };
            if (parse.GetValue(balance) is { } b) options = options with { Balance = Enum.Parse<BalanceStrategy>(b, ignoreCase: true) };
            if (parse.GetValue(batch) is { } bs) options = options with { BatchSize = bs };
            if (parse.GetValue(lr) is { } rate) options = options with { LearningRate = rate };
            if (parse.GetValue(patience) is { } p) options = options with { EarlyStoppingPatience = p };
            if (parse.GetValue(mixup) is { } m) options = options with { MixupAlpha = m };
            if (parse.GetValue(smoothing) is { } s) options = options with { LabelSmoothing = s };
            if (parse.GetValue(width) is { } w) options = options with { Width = w };

            var request = new TrainingRequest
            {
                DataPath = parse.GetValue(data) ?? DemoData.EnsureWritten(),
                OutputDirectory = outDir ?? Path.Combine("runs", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)),
                Options = options,
                SplitFile = parse.GetValue(splitFile),
                SwapTrainValid = parse.GetValue(swap),
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
