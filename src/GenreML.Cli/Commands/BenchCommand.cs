using System.CommandLine;
using GenreML.Cli.Commands.Scoring;
using GenreML.Cli.Bench;
using GenreML.Cli.Models;
using GenreML.MLNet.Scoring;

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
        command.Subcommands.Add(Decoding());
        command.Subcommands.Add(Embedding());
        command.Subcommands.Add(Scoring());
        command.Subcommands.Add(TrainingTool.Listing("training", "The accuracy protocol (two-fold cross-validation, per-class recall)"));
        command.Subcommands.Add(TrainingTool.Listing("seed-speed", "Seconds per training epoch of the seed network in TorchSharp beside PyTorch"));
        command.Subcommands.Add(TrainingTool.Listing("own-genres", "New genres from k clips each: ML.NET head vs fine-tuning vs from scratch"));
        return command;
    }

    private static Command Scoring()
    {
        Option<string?> model = ScoringCliOptions.Model();
        var files = new Option<int[]>("--files")
        {
            Description = "File counts to score in turn, e.g. --files 50 500 5000",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [50, 500],
        };
        var threads = new Option<int>("--threads") { Description = "Clips featurised and window batches run at once, as score --threads (and the seed stack's torch threads); default: the CPU count, as score", DefaultValueFactory = _ => Environment.ProcessorCount };
        var format = new Option<string>("--format") { Description = "wav or mp3 (made by ffmpeg)", DefaultValueFactory = _ => "wav" };
        format.AcceptOnlyFromAmong("wav", "mp3");
        var seedStack = new Option<bool>("--seed-stack") { Description = "Also score the same files with the same model through bench/mlnet_seedstack.py (torchaudio + PyTorch)" };
        var batch = new Option<int>("--batch") { Description = "Windows per ONNX Runtime run", DefaultValueFactory = _ => new GenreScoringOptions { ModelPath = "" }.WindowBatchSize };
        var intraOp = new Option<int>("--intra-op") { Description = "ONNX Runtime threads inside a run", DefaultValueFactory = _ => new GenreScoringOptions { ModelPath = "" }.IntraOpThreads };
        var longMinutes = new Option<double>("--long-minutes")
        {
            Description = "Also score one 30-s file and one file this many minutes long (e.g. 120) and print the peak memory of each",
        };
        var command = new Command("scoring", "Clips per second and peak memory scoring synthetic 30-s clips through the ML.NET pipeline, for each file count, optionally beside the Python seed stack on the same model; without --model, for the shipped float model and then its 8-bit copy")
        {
            model, files, threads, format, seedStack, batch, intraOp, longMinutes,
        };
        command.SetAction(parse =>
        {
            // Without --model: the shipped float model, then its 8-bit copy, so one run shows both.
            string?[] models = parse.GetValue(model) is { } given ? [given] : [null, ModelLocator.QuantisedFileName];
            int exit = 0;
            foreach (string? name in models)
            {
                exit = Math.Max(exit, !TryResolveModel(name, out string modelPath) ? 2 : ScoringBench.Run(new ScoringBenchOptions(
                    modelPath,
                    parse.GetValue(files)!.Select(n => Math.Max(1, n)).ToArray(),
                    Threads: Math.Max(1, parse.GetValue(threads)),
                    Format: parse.GetValue(format)!,
                    SeedStack: parse.GetValue(seedStack),
                    WindowBatchSize: Math.Max(1, parse.GetValue(batch)),
                    IntraOpThreads: Math.Max(1, parse.GetValue(intraOp)),
                    LongMinutes: Math.Max(0, parse.GetValue(longMinutes)))));
            }

            return exit;
        });
        return command;
    }

    private static bool TryResolveModel(string? given, out string modelPath)
    {
        try
        {
            modelPath = ModelLocator.Resolve(given);
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
        Option<string?> model = ScoringCliOptions.Model();
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

    private static Command Decoding()
    {
        var repetitions = new Option<int>("--repetitions") { Description = "Timed runs per file and decoder (the median is reported)", DefaultValueFactory = _ => 5 };
        var parity = new Option<DirectoryInfo?>("--parity") { Description = "Also compare the managed decoders with ffmpeg on every audio file under this folder (e.g. gtzan-dev)" };
        var command = new Command("decoding", "Milliseconds per 30-s clip and per 4-minute song for WAV, AU, MP3, FLAC, Ogg Vorbis and Opus, managed decoders beside ffmpeg, single-threaded; optionally their parity on a folder")
        {
            repetitions, parity,
        };
        command.SetAction(parse => DecodingBench.Run(Console.Out, Math.Max(1, parse.GetValue(repetitions)), parse.GetValue(parity)?.FullName));
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
