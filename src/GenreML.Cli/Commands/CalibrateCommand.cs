using System.CommandLine;
using System.Globalization;
using GenreML.Core.IO;
using GenreML.Cli.Calibration;
using GenreML.Inference.Cards;
using GenreML.Core.Evaluation;
using GenreML.Inference.Answers;
using GenreML.Onnx.Building;
using GenreML.Reports.Charts;
using GenreML.Reports.Rendering;
using GenreML.Training.Data;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml calibrate</c>: fits a model's temperature, minimum confidence and not-music check from the held-out
/// predictions of cross-validation folds trained with the same recipe, writes them into the model's card (inside
/// the ONNX file and into its card JSON beside it) and writes <c>calibration.md</c> and a reliability diagram.
/// Re-run it whenever the model is retrained.
/// </summary>
internal static class CalibrateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var model = new Option<FileInfo>("--model") { Description = "The model whose card receives the calibration (e.g. the --merge-valid model of the recipe)", Required = true };
        var data = new Option<string>("--data") { Description = "Labelled audio (folder or manifest) that the fold split files name", Required = true };
        var folds = new Option<string[]>("--fold") { Description = "A fold as <model.onnx>=<split file>: the fold's model and the split whose test part (or valid part) it did not train on; repeat per fold", Required = true, AllowMultipleArgumentsPerToken = false };
        var negatives = new Option<DirectoryInfo?>("--negatives") { Description = "Non-music clips to fit the not-music check on (bench/not_music_negatives.py writes them); without it the card gets no not-music check" };
        var unseen = new Option<DirectoryInfo?>("--unseen-negatives") { Description = "Non-music clips of other kinds, only measured on" };
        var target = new Option<double>("--target-accuracy") { Description = "Accuracy the answered held-out clips must reach; sets the card's minimum confidence (default 0.6)", DefaultValueFactory = _ => 0.6 };
        var maxReject = new Option<double>("--max-false-rejection") { Description = "Largest share of the held-out music clips the not-music threshold may reject, counted on out-of-fold scores (default 0.01)", DefaultValueFactory = _ => 0.01 };
        var output = new Option<string>("--out") { Description = "Folder for calibration.md and reliability.png (default runs/calibration)", DefaultValueFactory = _ => Path.Combine("runs", "calibration") };
        var dryRun = new Option<bool>("--dry-run") { Description = "Write the report but leave the model unchanged" };
        var command = new Command("calibrate", "Fit a model's temperature, minimum confidence and not-music check on held-out cross-validation predictions and store them in its card")
        {
            model, data, folds, negatives, unseen, target, maxReject, output, dryRun,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(
            parse.GetValue(model)!, parse.GetValue(data)!, parse.GetValue(folds)!, parse.GetValue(negatives), parse.GetValue(unseen),
            parse.GetValue(target), parse.GetValue(maxReject), parse.GetValue(output)!, parse.GetValue(dryRun), cancel)));
        return command;
    }

    private static int Run(FileInfo model, string data, string[] foldArgs, DirectoryInfo? negatives, DirectoryInfo? unseen, double target, double maxReject, string outDir, bool dryRun, CancellationToken cancel)
    {
        var folds = new List<(string, string)>();
        foreach (string fold in foldArgs)
        {
            int eq = fold.LastIndexOf('=');
            if (eq <= 0 || eq == fold.Length - 1)
            {
                Console.Error.WriteLine($"calibrate: --fold '{fold}' is not <model.onnx>=<split file>");
                return 2;
            }

            folds.Add((fold[..eq], fold[(eq + 1)..]));
        }

        if (!(target > 0 && target <= 1) || !(maxReject >= 0 && maxReject < 1))
        {
            Console.Error.WriteLine("calibrate: --target-accuracy must be in (0, 1] and --max-false-rejection in [0, 1)");
            return 2;
        }

        foreach (DirectoryInfo? folder in new[] { negatives, unseen })
        {
            if (folder is not null && !folder.Exists)
            {
                Console.Error.WriteLine($"calibrate: {folder.FullName}: no such folder");
                return 2;
            }
        }

        try
        {
            ModelCard card = ReadCard(model.FullName);
            var request = new CalibrationRequest(data, folds, negatives?.FullName, unseen?.FullName, target, maxReject);
            CalibrationOutcome outcome = new Calibrator(Console.Out).Run(request, cancel);
            Directory.CreateDirectory(outDir);
            WriteReliability(outcome, Path.Combine(outDir, "reliability.png"));
            string report = $"# Calibration of {model.Name}\n\n{outcome.Settings.FittedOn}\n\n{outcome.Report}\nReliability diagram (held-out clips, before and after the stored temperature): reliability.png\n";
            AtomicFile.WriteAllText(Path.Combine(outDir, "calibration.md"), report);
            Console.WriteLine($"wrote {Path.Combine(outDir, "calibration.md")} and reliability.png");
            if (!dryRun)
            {
                WriteCard(model.FullName, card with { Calibration = outcome.Settings });
            }

            return 0;
        }
        catch (Exception e) when (e is ModelCardException or DatasetException or InvalidDataException or IOException or ArgumentException or Audio.AudioFormatException)
        {
            Console.Error.WriteLine($"calibrate: {e.Message}");
            return 1;
        }
    }

    private static ModelCard ReadCard(string path)
    {
        string json = OnnxMetadata.Get(OnnxModelFile.Read(path), ModelCard.MetadataKey)
            ?? throw new ModelCardException(path, "$", $"the model has no card under '{ModelCard.MetadataKey}'");
        return ModelCard.FromJson(json, path);
    }

    /// <summary>Stores <paramref name="card"/> in the model's metadata and in the card JSON files that sit beside it.</summary>
    private static void WriteCard(string modelPath, ModelCard card)
    {
        string json = card.ToJson();
        OnnxMetadata.SetInFile(modelPath, ModelCard.MetadataKey, json);
        string folder = Path.GetDirectoryName(modelPath) ?? ".";
        foreach (string sidecar in new[] { Path.ChangeExtension(modelPath, ".card.json"), Path.Combine(folder, "card.json") })
        {
            if (File.Exists(sidecar))
            {
                AtomicFile.WriteAllText(sidecar, json + "\n");
                Console.WriteLine($"updated {sidecar}");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored temperature {card.Calibration!.Temperature:0.###}, minimum confidence {card.Calibration.MinConfidence:0.00}{(card.Calibration.NotMusic is null ? "" : $", not-music threshold {card.Calibration.NotMusic.Threshold:0.###}")} in {modelPath}"));
    }

    private static void WriteReliability(CalibrationOutcome outcome, string path)
    {
        var music = outcome.Clips.Where(c => c.Kind == HeldOutClip.Music).ToList();
        (string, IReadOnlyList<ReliabilityChart.Point>) Line(string title, double t)
        {
            var rows = music.Select(c => (IReadOnlyList<float>)TemperatureScaling.Apply(c.Examination.ClipProbabilities, t)).ToList();
            var metrics = ClassificationMetrics.Compute(outcome.Labels, music.Select(c => c.Truth).ToList(), rows.Select(r => r.ToList().IndexOf(r.Max())).ToList(), rows);
            return (string.Create(CultureInfo.InvariantCulture, $"{title} (ECE {metrics.ExpectedCalibrationError:0.000})"),
                metrics.Reliability!.Select(b => new ReliabilityChart.Point(b.MeanConfidence, b.Accuracy, b.Count)).ToList());
        }

        var chart = ReliabilityChart.Build(
            [Line("before", 1), Line(string.Create(CultureInfo.InvariantCulture, $"after, T = {outcome.Settings.Temperature:0.##}"), outcome.Settings.Temperature)],
            subtitle: $"{music.Count} held-out clips, 10 bins");
        ChartRenderer.SavePng(chart, new ChartSize(700, 600), path);
    }
}
