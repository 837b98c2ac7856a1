using System.CommandLine;
using GenreML.Cli.Bench;
using GenreML.Cli.Models;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml bench …</c>: speed and accuracy measurements that print figures. Benchmarks, not tests:
/// they assert nothing and are meant to be run in Release on an otherwise idle machine.
/// </summary>
internal static class BenchCommand
{
    /// <summary>Creates the command with one sub-command per benchmark.</summary>
    public static Command Create()
    {
        var command = new Command("bench", "Measure speed (and, for training, accuracy) and print the figures; run with -c Release");
        command.Subcommands.Add(Features());
        command.Subcommands.Add(Embedding());
        command.Subcommands.Add(Scoring());
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

    private static Command Scoring()
    {
        var model = new Option<FileInfo?>("--model") { Description = "A GenreML .onnx model (default: the shipped onnx/genreml-gtzan.onnx)" };
        var small = new Option<int>("--small") { Description = "Files in the first run", DefaultValueFactory = _ => 50 };
        var large = new Option<int>("--large") { Description = "Files in the second run", DefaultValueFactory = _ => 500 };
        var threads = new Option<int>("--threads") { Description = "Clips featurised in parallel", DefaultValueFactory = _ => 1 };
        var command = new Command("scoring", "Clips per second and peak memory scoring synthetic 30-s clips through the ML.NET pipeline, for a small and a large file count")
        {
            model, small, large, threads,
        };
        command.SetAction(parse => TryResolveModel(parse.GetValue(model), out string modelPath)
            ? ScoringBench.Run(modelPath, Math.Max(1, parse.GetValue(small)), Math.Max(1, parse.GetValue(large)), threads: Math.Max(1, parse.GetValue(threads)))
            : 2);
        return command;
    }

    private static bool TryResolveModel(FileInfo? given, out string modelPath)
    {
        try
        {
            modelPath = ModelLocator.Resolve(given?.FullName);
            return true;
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            modelPath = "";
            return false;
        }
    }

    private static Command Embedding()
    {
        var model = new Option<FileInfo?>("--model") { Description = "A GenreML .onnx model (default: the shipped onnx/genreml-gtzan.onnx)" };
        var audio = new Option<FileInfo?>("--audio") { Description = "A real audio file for the latency part (default: a synthetic 30-s clip)" };
        var repetitions = new Option<int>("--repetitions") { Description = "Timed single-clip runs (the median is reported)", DefaultValueFactory = _ => 15 };
        var clips = new Option<int>("--clips") { Description = "Clips in the throughput batch", DefaultValueFactory = _ => 20 };
        var command = new Command("embedding", "Latency of classifying one 30-s clip with GenreClassifier (decode + features + model) and batch throughput")
        {
            model, audio, repetitions, clips,
        };
        command.SetAction((parse, cancel) =>
        {
            if (!TryResolveModel(parse.GetValue(model), out string modelPath))
            {
                return Task.FromResult(2);
            }

            return Task.FromResult(EmbeddingBench.Run(modelPath, Console.Out, Math.Max(1, parse.GetValue(repetitions)), Math.Max(1, parse.GetValue(clips)),
                parse.GetValue(audio)?.FullName, cancel));
        });
        return command;
    }

    private static Command Features()
    {
        var repetitions = new Option<int>("--repetitions") { Description = "Timed runs (the median is reported)", DefaultValueFactory = _ => 30 };
        var command = new Command("features", "Milliseconds per 30-s clip for the log-Mel front end, single-threaded, beside torchaudio 0.13 when Debian's python3-torchaudio is installed")
        {
            repetitions,
        };
        command.SetAction(parse => FeatureBench.Run(Console.Out, Math.Max(1, parse.GetValue(repetitions))));
        return command;
    }
}
