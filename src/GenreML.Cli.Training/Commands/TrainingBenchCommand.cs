using System.CommandLine;
using System.Globalization;
using GenreML.Cli.Bench;
using GenreML.Cli.Invocation;
using GenreML.Inference.Cards;
using GenreML.Training.Data;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml-train bench …</c>: the benchmarks that train (and so need TorchSharp). The inference benchmarks
/// stay in the slim tool's <see cref="BenchCommand"/>. Exit codes (<see cref="ExitCodes"/>): 0 measured; 2 nothing could run
/// (bad options, data or base run), one line; 130 interrupted (finished runs in --out are reused by the next run).
/// </summary>
internal static class TrainingBenchCommand
{
    /// <summary>Creates the command with one sub-command per training benchmark.</summary>
    public static Command Create()
    {
        var command = new Command("bench", "Measure training accuracy and speed and print the figures; run with -c Release");
        command.Subcommands.Add(Training());
        command.Subcommands.Add(SeedSpeed());
        command.Subcommands.Add(OwnGenres());
        return command;
    }

    private static Command OwnGenres()
    {
        var data = new Option<string>("--data") { Description = "Labelled audio folder <root>/<genre>/<files> (e.g. ../shared/data/gtzan-dev)", Required = true };
        var splitFile = new Option<string>("--split-file") { Description = "Split file with artist-disjoint parts (e.g. gtzan-dev/split.txt)", Required = true };
        var baseRun = new Option<string>("--base-run") { Description = "Run folder of the base network, trained without the new genres (its model.onnx needs the embedding output)", Required = true };
        var genres = new Option<string>("--new-genres") { Description = "Comma-separated genres the base never saw", DefaultValueFactory = _ => "blues,classical,jazz,metal" };
        var shots = new Option<string>("--shots") { Description = "Comma-separated training clips per genre", DefaultValueFactory = _ => "5,10,20" };
        var epochs = CliOptions.WholeNumber("--epochs", "Epochs of fine-tuning and of training from scratch", 15, min: 1);
        var methods = new Option<string>("--methods") { Description = "Comma-separated: head, finetune, scratch", DefaultValueFactory = _ => "head,finetune,scratch" };
        var output = new Option<string>("--out") { Description = "Folder for the runs and the own-genres table", DefaultValueFactory = _ => Path.Combine("runs", "bench-own-genres") };
        var command = new Command("own-genres", "New genres from k clips each on a base that never heard them: ML.NET head vs fine-tuning vs from scratch, artist-disjoint test clips")
        {
            data, splitFile, baseRun, genres, shots, epochs, methods, output,
        };
        command.SetAction((parse, cancel) =>
        {
            string[] chosen = List(parse.GetValue(methods)!);
            string? unknown = chosen.FirstOrDefault(m => !OwnGenresBench.Methods.Contains(m));
            if (unknown is not null || chosen.Length == 0)
            {
                throw new UsageException($"--methods takes {string.Join(", ", OwnGenresBench.Methods)} (got '{unknown ?? ""}')");
            }

            int[] k = Shots(parse.GetValue(shots)!);
            return Task.FromResult(Measure("bench own-genres", stop => OwnGenresBench.Run(parse.GetValue(data)!, parse.GetValue(splitFile)!, parse.GetValue(baseRun)!,
                List(parse.GetValue(genres)!), k, parse.GetValue(epochs), chosen, parse.GetValue(output)!, Console.Out, stop), cancel));
        });
        return command;
    }

    /// <summary>
    /// Runs a benchmark: SIGINT/SIGTERM stop it (exit 130) and an error that stops it (bad data, base run or options)
    /// is one line and <see cref="ExitCodes.Usage"/>.
    /// </summary>
    private static int Measure(string name, Func<CancellationToken, int> bench, CancellationToken cancel) =>
        InterruptSignal.Run(name, stop =>
        {
            try
            {
                return bench(stop);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or InvalidDataException or DatasetException or ModelCardException)
            {
                throw new UsageException(e.Message, e);
            }
        }, "finished runs in --out are reused when it is run again", cancel);

    private static int[] Shots(string text)
    {
        string[] words = List(text);
        var shots = new int[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            if (!int.TryParse(words[i], NumberStyles.None, CultureInfo.InvariantCulture, out shots[i]) || shots[i] < 1)
            {
                throw new UsageException($"--shots: '{words[i]}' is not a whole number of clips (at least 1)");
            }
        }

        return words.Length > 0 ? shots : throw new UsageException("--shots: give at least one number of clips");
    }

    private static string[] List(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Command SeedSpeed()
    {
        var examples = CliOptions.WholeNumber("--examples", "Random 1×128×862 inputs per epoch", 64, min: 2);
        var epochs = CliOptions.WholeNumber("--epochs", "Epochs to time (the first counts as warm-up)", 3, min: 1);
        var threads = CliOptions.WholeNumber("--threads", "Intra-op threads for both frameworks (0 = their default)", 0, min: 0);
        var command = new Command("seed-speed", "Seconds per training epoch of the seed network in TorchSharp, and in PyTorch (bench/seed_pytorch.py) when Debian's python3-torch is installed")
        {
            examples, epochs, threads,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Measure("bench seed-speed",
            stop => SeedSpeedBench.Run(parse.GetValue(examples), parse.GetValue(epochs), parse.GetValue(threads), Console.Out, stop), cancel)));
        return command;
    }

    private static Command Training()
    {
        var data = new Option<string>("--data") { Description = "Labelled audio folder or manifest (e.g. ../shared/data/gtzan-dev)", Required = true };
        var splitFile = new Option<string?>("--split-file") { Description = "Split file with train/valid parts: runs two-fold cross-validation (without it: a seeded 70/15/15 split)" };
        var output = new Option<string>("--out") { Description = "Folder for the runs and summary.md", DefaultValueFactory = _ => Path.Combine("runs", "bench-training") };
        var seeds = CliOptions.WholeNumber("--seeds", "Repeat the protocol with seeds --seed, --seed+1, …; prints mean ± spread over seeds and the seeds' ensemble (last epoch kept)", 1, min: 1);
        var command = new Command("training", "The accuracy protocol: two-fold cross-validation over a split file (or a 70/15/15 split), per-fold and mean accuracy, balanced accuracy, macro F1 and per-class recall with counts")
        {
            data, splitFile, output, seeds,
        };
        var hyperParameters = new TrainingOptionSet(command);
        command.SetAction((parse, cancel) =>
        {
            int seedCount = parse.GetValue(seeds);
            return Task.FromResult(Measure("bench training", stop => seedCount == 1
                ? TrainingBench.Run(parse.GetValue(data)!, parse.GetValue(splitFile), hyperParameters.Bind(parse), parse.GetValue(output)!, Console.Out, stop)
                : MultiSeedBench.Run(parse.GetValue(data)!, parse.GetValue(splitFile), hyperParameters.Bind(parse), seedCount, parse.GetValue(output)!, Console.Out, stop), cancel));
        });
        return command;
    }
}
