using GenreML.Core.Evaluation;
using GenreML.Core.Runs;
using GenreML.Audio;
using GenreML.Audio.Features;
using GenreML.Inference.Cards;
using GenreML.Reports.Data;
using GenreML.Reports.Report;
using GenreML.Training.Runs;

namespace GenreML.Cli.Reporting;

/// <summary>
/// Turns a training run folder (<c>metrics.json</c>, <c>card.json</c>) into its report: learning curves,
/// confusion matrix, per-class scores, spectrogram examples from the test part with true and predicted
/// labels, and <c>report.md</c> / <c>report.html</c>. Used at the end of <c>train</c> and by <c>report</c>.
/// </summary>
internal static class TrainingReport
{
    private const int ExampleCount = 6;

    /// <summary>Reads the run in <paramref name="runFolder"/> and writes its report there.</summary>
    /// <exception cref="InvalidDataException">metrics.json or card.json is missing or malformed.</exception>
    public static RunReportFiles Write(string runFolder)
    {
        RunMetrics metrics = RunMetrics.FromJson(ReadRequired(runFolder, RunFolder.MetricsFile), Path.Combine(runFolder, RunFolder.MetricsFile));
        ModelCard card;
        try
        {
            card = ModelCard.FromJson(ReadRequired(runFolder, RunFolder.CardFile), Path.Combine(runFolder, RunFolder.CardFile));
        }
        catch (ModelCardException e)
        {
            throw new InvalidDataException(e.Message, e);
        }

        return RunReportWriter.Write(Build(metrics, card, runFolder), runFolder);
    }

    private static string ReadRequired(string folder, string name)
    {
        string path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: missing; is {folder} a GenreML run folder?");
        }

        return File.ReadAllText(path);
    }

    /// <summary>Maps a run's metrics and card onto the report's data.</summary>
    public static RunReportData Build(RunMetrics metrics, ModelCard card, string runFolder)
    {
        EvaluationReport? final = metrics.Test ?? metrics.Valid;
        string part = metrics.Test is not null ? "test" : "valid";
        var settings = new List<KeyValuePair<string, string>>
        {
            new("architecture", metrics.Architecture),
            new("split", metrics.Split),
            new("epochs run", metrics.Epochs.Count.ToString()),
            new(metrics.Valid is null ? "kept epoch (the last: no validation)" : "best epoch", metrics.BestEpoch.ToString()),
            new("window", $"{card.Features.MelBands} Mel × {card.WindowFrames} frames, hop {card.WindowHop}"),
            new("features", $"{card.Features.SampleRate} Hz, n_fft {card.Features.FftSize}, hop {card.Features.HopLength}, {card.Features.MelScale} scale, {card.Features.MelNorm} norm, dB ref {card.Features.DbReference}"),
            new("run folder", Path.GetFullPath(runFolder)),
        };
        if (card.Provenance?.Command is { } command)
        {
            settings.Add(new("command", command));
        }

        var scores = new List<KeyValuePair<string, double>>();
        if (final is not null)
        {
            scores.Add(new($"{part} clip accuracy", final.ClipAccuracy));
            scores.Add(new($"{part} window accuracy", final.WindowAccuracy));
            scores.Add(new($"{part} balanced accuracy", final.BalancedAccuracy));
            scores.Add(new($"{part} macro F1", final.MacroF1));
        }

        return new RunReportData
        {
            Title = $"GenreML training run: {Path.GetFileName(Path.GetFullPath(runFolder))}",
            Settings = settings,
            DatasetCounts = metrics.ClipsUsed.Select(p => new SplitCounts(p.Key, p.Value)).ToArray(),
            Metrics = scores,
            ClassScores = final?.PerClass ?? [],
            Confusion = final is null ? null : ConfusionData.FromRows(metrics.Labels, final.Confusion),
            Epochs = metrics.Epochs.Select(e => new EpochPoint(e.Epoch, e.TrainLoss, e.ValidLoss ?? double.NaN, e.TrainAccuracy, e.ValidAccuracy ?? double.NaN, e.LearningRate)).ToArray(),
            BestEpoch = metrics.BestEpoch,
            Examples = final is null ? [] : Examples(final, card),
            Mistakes = final?.Predictions.Where(p => p.Label != p.Predicted)
                .OrderByDescending(p => p.Confidence)
                .Select(p => new Mistake(p.Name, p.Label, p.Predicted, p.Confidence))
                .ToArray() ?? [],
        };
    }

    /// <summary>Spectrograms of a few clips of the evaluated part, mistakes first, recomputed with the card's settings.</summary>
    private static SpectrogramExample[] Examples(EvaluationReport report, ModelCard card)
    {
        var featurizer = new ClipFeaturizer(card.Features);
        double[] edges = MelFilterBank.EdgeFrequencies(card.Features.MelBands, card.Features.FMin, card.Features.EffectiveFMax, card.Features.MelScale);
        double[] centres = edges[1..^1];
        double secondsPerFrame = (double)card.Features.HopLength / card.Features.SampleRate;
        var examples = new List<SpectrogramExample>();
        foreach (PredictionRecord clip in report.Predictions.OrderBy(p => p.Label == p.Predicted).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            if (examples.Count == ExampleCount)
            {
                break;
            }

            try
            {
                Spectrogram s = featurizer.Featurize(clip.Path);
                examples.Add(new SpectrogramExample(clip.Name, clip.Label, clip.Predicted, s.Data, s.Bands, s.Frames, secondsPerFrame, centres));
            }
            catch (AudioFormatException e)
            {
                Console.Error.WriteLine($"report: spectrogram example left out: {e.Message}");
            }
        }

        return examples.ToArray();
    }
}
