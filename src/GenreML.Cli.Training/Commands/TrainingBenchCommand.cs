using System.CommandLine;
using GenreML.Cli.Bench;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml-train bench …</c>: the benchmarks that train (and so need TorchSharp). The inference benchmarks
/// stay in the slim tool's <see cref="BenchCommand"/>.
/// </summary>
internal static class TrainingBenchCommand
{
    /// <summary>Creates the command with one sub-command per training benchmark.</summary>
    public static Command Create()
    {
        var command = new Command("bench", "Measure training accuracy and speed and print the figures; run with -c Release");
        command.Subcommands.Add(Training());
        command.Subcommands.Add(SeedSpeed());
        return command;
    }

    private static Command SeedSpeed()
    {
        var examples = new Option<int>("--examples") { Description = "Random 1×128×862 inputs per epoch", DefaultValueFactory = _ => 64 };
        var epochs = new Option<int>("--epochs") { Description = "Epochs to time (the first counts as warm-up)", DefaultValueFactory = _ => 3 };
        var threads = new Option<int>("--threads") { Description = "Intra-op threads for both frameworks (0 = their default)", DefaultValueFactory = _ => 0 };
        var command = new Command("seed-speed", "Seconds per training epoch of the seed network in TorchSharp, and in PyTorch (bench/seed_pytorch.py) when Debian's python3-torch is installed")
        {
            examples, epochs, threads,
        };
        command.SetAction((parse, cancel) => Task.FromResult(SeedSpeedBench.Run(
            Math.Max(2, parse.GetValue(examples)), Math.Max(1, parse.GetValue(epochs)), Math.Max(0, parse.GetValue(threads)), Console.Out, cancel)));
        return command;
    }

    private static Command Training()
    {
        var data = new Option<string>("--data") { Description = "Labelled audio folder or manifest (e.g. ../shared/data/gtzan-dev)", Required = true };
        var splitFile = new Option<string?>("--split-file") { Description = "Split file with train/valid parts: runs two-fold cross-validation (without it: a seeded 70/15/15 split)" };
        var output = new Option<string>("--out") { Description = "Folder for the runs and summary.md", DefaultValueFactory = _ => Path.Combine("runs", "bench-training") };
        var seeds = new Option<int>("--seeds") { Description = "Repeat the protocol with seeds --seed, --seed+1, …; prints mean ± spread over seeds and the seeds' ensemble (last epoch kept)", DefaultValueFactory = _ => 1 };
        var command = new Command("training", "The accuracy protocol: two-fold cross-validation over a split file (or a 70/15/15 split), per-fold and mean accuracy, balanced accuracy, macro F1 and per-class recall with counts")
        {
            data, splitFile, output, seeds,
        };
        var hyperParameters = new TrainingOptionSet(command);
        command.SetAction((parse, cancel) =>
        {
            try
            {
                int seedCount = parse.GetValue(seeds);
                if (seedCount < 1) throw new ArgumentException($"--seeds must be ≥ 1 (got {seedCount})");
                return Task.FromResult(seedCount == 1
                    ? TrainingBench.Run(parse.GetValue(data)!, parse.GetValue(splitFile), hyperParameters.Bind(parse), parse.GetValue(output)!, Console.Out, cancel)
                    : MultiSeedBench.Run(parse.GetValue(data)!, parse.GetValue(splitFile), hyperParameters.Bind(parse), seedCount, parse.GetValue(output)!, Console.Out, cancel));
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or InvalidDataException or GenreML.Training.Data.DatasetException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return Task.FromResult(1);
            }
        });
        return command;
    }
}
