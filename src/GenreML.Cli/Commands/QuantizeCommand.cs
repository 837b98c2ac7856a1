using System.CommandLine;
using System.Globalization;
using GenreML.Audio;
using GenreML.Audio.Decoding;
using GenreML.Audio.Features;
using GenreML.Cli.Commands.Scoring;
using GenreML.Cli.Invocation;
using GenreML.Cli.Models;
using GenreML.Core.IO;
using GenreML.Inference;
using GenreML.Inference.Cards;
using GenreML.Inference.Input;
using GenreML.MLNet.Library;
using GenreML.MLNet.Results;
using GenreML.Onnx.Building;
using GenreML.Onnx.Proto;
using GenreML.Onnx.Quantization;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml quantize</c>: writes an 8-bit copy of a model (<see cref="Int8Quantizer"/>) whose network runs on ONNX
/// Runtime's integer kernels, with activation ranges measured on windows of real audio made by the model's own
/// front end (its card's settings), and a check against the float model on other clips recorded in the card
/// (<see cref="QuantizationInfo"/>). Exit codes: 0 written, 1 written but some audio files could not be read,
/// 2 nothing written.
/// </summary>
internal static class QuantizeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var inputs = new Argument<string[]>("audio")
        {
            Description = "Audio files or folders (searched recursively) like those the model will score: the calibration clips are spread evenly over them, the check clips are others",
            Arity = ArgumentArity.OneOrMore,
        };
        Option<string?> model = ScoringCliOptions.Model();
        var output = new Option<string?>("--out") { Description = "The 8-bit model to write (default: the model's name with .int8.onnx)" };
        Option<int> clips = CliOptions.WholeNumber("--clips", "Clips whose windows give the activation ranges, and at most as many other clips to check the result on (default 64)", defaultValue: 64, min: 1);
        var verbose = ScoringCliOptions.Verbose();
        var command = new Command("quantize", "Write an 8-bit copy of a model that runs faster on the CPU, calibrated on audio and checked against the float model")
        {
            inputs, model, output, clips, verbose,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(
            parse.GetValue(inputs)!, parse.GetValue(model), parse.GetValue(output), parse.GetValue(clips), parse.GetValue(verbose), cancel)));
        return command;
    }

    private static int Run(string[] inputs, string? modelOption, string? outOption, int clipCount, bool verbose, CancellationToken cancel)
    {
        using GenreClassifier reference = ModelLocator.Open(modelOption, path => GenreClassifier.Open(path));
        string modelPath = reference.Source;
        ModelCard card = reference.Card;
        if (card.Quantization is not null)
        {
            throw new UsageException($"{modelPath} is already quantised ({card.Quantization.Scheme}); quantise the float model it came from.");
        }

        string outPath = outOption ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, Path.GetFileNameWithoutExtension(modelPath) + ".int8.onnx");
        if (Path.GetFullPath(outPath) == Path.GetFullPath(modelPath))
        {
            throw new UsageException($"--out {outPath} would overwrite the float model; give another file.");
        }

        var walker = new LibraryWalker();
        List<string> files = walker.Walk(inputs).Select(f => f.Path).ToList();
        SkipSummary.Print(walker, verbose);
        if (files.Count == 0)
        {
            throw new UsageException($"no audio files in {string.Join(", ", inputs)}.");
        }

        (List<string> calibration, List<string> check) = Choose(files, clipCount);
        int failed = 0;
        int windowCount = 0;
        int clipsRead = 0;
        IEnumerable<float[]> Windows()
        {
            var featurizer = new ClipFeaturizer(card.Features);
            foreach (string file in calibration)
            {
                cancel.ThrowIfCancellationRequested();
                List<float[]>? windows = ReadWindows(featurizer, card, file, ref failed);
                if (windows is null)
                {
                    continue;
                }

                clipsRead++;
                windowCount += windows.Count;
                foreach (float[] window in windows)
                {
                    yield return window;
                }
            }
        }

        ModelProto floatModel = OnnxModelFile.Read(modelPath);
        IReadOnlyDictionary<string, ActivationRange> ranges;
        try
        {
            ranges = ActivationRanges.Measure(floatModel, card.InputName, card.Features.MelBands, card.WindowFrames, Windows());
        }
        catch (ArgumentException) when (windowCount == 0)
        {
            throw new UsageException($"none of the {calibration.Count} calibration files could be read; nothing written.");
        }

        ModelProto quantised = Int8Quantizer.Quantize(floatModel, ranges);
        (int compared, int agreed, double largest) = Compare(reference, quantised, check.Count > 0 ? check : calibration, ref failed, cancel);
        var info = new QuantizationInfo
        {
            SourceModel = ModelIdentity.Of(modelPath),
            CalibrationClips = clipsRead,
            CalibrationWindows = windowCount,
            CheckedClips = compared,
            TopGenreAgreement = compared == 0 ? 0 : (double)agreed / compared,
            MaxProbabilityDifference = largest,
        };
        string cardJson = (card with { Quantization = info }).ToJson();
        OnnxMetadata.Set(quantised, ModelCard.MetadataKey, cardJson);
        OnnxModelFile.Write(quantised, outPath);
        AtomicFile.WriteAllText(Path.ChangeExtension(outPath, ".card.json"), cardJson + "\n");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Activation ranges from {clipsRead} clips ({windowCount} windows). Checked on {compared} {(check.Count > 0 ? "other" : "of the same")} clips: "
            + $"the top genre agrees on {agreed} of {compared}, the largest probability difference is {largest:0.0000}."));
        Console.WriteLine($"Wrote {outPath} ({new FileInfo(outPath).Length / 1024} KiB; the float model is {new FileInfo(modelPath).Length / 1024} KiB) and its card {Path.ChangeExtension(outPath, ".card.json")}.");
        return failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    /// <summary>Up to <paramref name="count"/> files spread evenly over <paramref name="files"/> for calibration, and as many of the others, also spread, to check on.</summary>
    internal static (List<string> Calibration, List<string> Check) Choose(IReadOnlyList<string> files, int count)
    {
        List<int> Spread(IReadOnlyList<int> from, int n) =>
            from.Count <= n ? [.. from] : Enumerable.Range(0, n).Select(i => from[(int)((long)i * from.Count / n)]).ToList();
        List<int> calibration = Spread(Enumerable.Range(0, files.Count).ToList(), count);
        var chosen = calibration.ToHashSet();
        List<int> check = Spread(Enumerable.Range(0, files.Count).Where(i => !chosen.Contains(i)).ToList(), count);
        return (calibration.Select(i => files[i]).ToList(), check.Select(i => files[i]).ToList());
    }

    private static List<float[]>? ReadWindows(ClipFeaturizer featurizer, ModelCard card, string file, ref int failed)
    {
        try
        {
            using var clip = new ClipWindowStream(featurizer.Open(file), card.WindowFrames, card.WindowHop);
            return clip.Windows().ToList();
        }
        catch (Exception e) when (e is AudioFormatException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            failed++;
            Console.Error.WriteLine($"error: {FileErrorText.Naming(file, e)}");
            return null;
        }
    }

    /// <summary>Clips compared, clips whose top genre agrees, and the largest difference of a clip probability.</summary>
    private static (int Compared, int Agreed, double Largest) Compare(GenreClassifier reference, ModelProto quantised, List<string> files, ref int failed, CancellationToken cancel)
    {
        using GenreClassifier candidate = GenreClassifier.Open(Google.Protobuf.MessageExtensions.ToByteArray(quantised), "the quantised model");
        int compared = 0, agreed = 0;
        double largest = 0;
        foreach (string file in files)
        {
            cancel.ThrowIfCancellationRequested();
            float[] a, b;
            try
            {
                AudioSignal signal = AudioDecoder.Read(file);
                a = reference.Examine(signal, cancel).ClipProbabilities;
                b = candidate.Examine(signal, cancel).ClipProbabilities;
            }
            catch (Exception e) when (e is AudioFormatException or IOException or InvalidDataException or UnauthorizedAccessException)
            {
                failed++;
                Console.Error.WriteLine($"error: {FileErrorText.Naming(file, e)}");
                continue;
            }

            compared++;
            agreed += Array.IndexOf(a, a.Max()) == Array.IndexOf(b, b.Max()) ? 1 : 0;
            largest = Math.Max(largest, a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Max());
        }

        return (compared, agreed, largest);
    }
}
