using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenreML.Audio;
using GenreML.Cli.Models;
using GenreML.Inference;
using GenreML.Inference.Answers;
using GenreML.Inference.Cards;
using GenreML.Inference.Results;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml predict</c>: the genre of one file, for a human (genre, confidence and a bar per genre) or,
/// with <c>--json</c>, for a program (one JSON object with every probability).
/// </summary>
internal static class PredictCommand
{
    private const int BarWidth = 30;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "An audio file (wav, au/snd, or anything ffmpeg decodes)" };
        var model = new Option<FileInfo?>("--model") { Description = "A GenreML .onnx model (default: the shipped onnx/genreml-gtzan.onnx)" };
        var windows = new Option<bool>("--windows") { Description = "Also print the genre of every window over time" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (file, status, genre, confidence, notMusicScore, seconds, windows, probabilities; with --windows also each window's) instead of text" };
        var minConfidence = new Option<double?>("--min-confidence") { Description = "Calibrated top probability below which the answer is 'uncertain' (default: the model card's; 0 turns it off)" };
        var command = new Command("predict", "Tell the genre of one audio file, with the probability of every genre, or say why it can't tell") { file, model, windows, json, minConfidence };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse.GetValue(file)!, parse.GetValue(model), parse.GetValue(windows), parse.GetValue(json), parse.GetValue(minConfidence), cancel)));
        return command;
    }

    private static int Run(FileInfo audio, FileInfo? modelFile, bool showWindows, bool asJson, double? minConfidence, CancellationToken cancel)
    {
        if (minConfidence is double m && !(m >= 0 && m <= 1))
        {
            Console.Error.WriteLine($"error: --min-confidence must be between 0 and 1 (got {m})");
            return 2;
        }

        string modelPath;
        try
        {
            modelPath = ModelLocator.Resolve(modelFile?.FullName);
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }

        if (!File.Exists(modelPath))
        {
            Console.Error.WriteLine($"error: {modelPath}: no such model file");
            return 2;
        }

        try
        {
            using var classifier = GenreClassifier.Open(modelPath, new GenreClassifierOptions { IncludeWindows = showWindows, MinConfidence = minConfidence });
            GenrePrediction prediction = classifier.Classify(audio.FullName, cancel);
            if (asJson)
            {
                Console.WriteLine(ToJson(audio.Name, prediction));
                return 0;
            }

            Console.WriteLine(prediction.Status == ResultStatus.Ok
                ? $"{audio.Name}: {prediction.Genre} ({prediction.Confidence:P0}), {prediction.Duration:m\\:ss} analysed in {prediction.WindowCount} windows"
                : $"{audio.Name}: can't tell: {prediction.Status} ({ResultStatus.Describe(prediction.Status)}); top guess {prediction.Genre} ({prediction.Confidence:P0}), {prediction.Duration:m\\:ss} in {prediction.WindowCount} windows");
            int labelWidth = prediction.Scores.Max(s => s.Genre.Length);
            foreach (GenreScore score in prediction.Scores)
            {
                int filled = (int)Math.Round(score.Probability * BarWidth);
                Console.WriteLine($"  {score.Genre.PadRight(labelWidth)} {new string('█', filled)}{new string('·', BarWidth - filled)} {score.Probability,6:P1}");
            }

            foreach (WindowPrediction window in prediction.Windows ?? [])
            {
                Console.WriteLine($"  {window.Start:m\\:ss}–{window.End:m\\:ss} {window.Genre} ({window.Confidence:P0})");
            }

            return 0;
        }
        catch (Exception e) when (e is AudioFormatException or ModelCardException or InvalidDataException or IOException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static string ToJson(string file, GenrePrediction prediction) => JsonSerializer.Serialize(new
    {
        file,
        status = prediction.Status,
        genre = prediction.Genre,
        confidence = prediction.Confidence,
        notMusicScore = prediction.NotMusicScore,
        seconds = prediction.Duration.TotalSeconds,
        windows = prediction.WindowCount,
        probabilities = prediction.Scores.ToDictionary(s => s.Genre, s => s.Probability),
        windowGenres = prediction.Windows?.Select(w => new { start = w.Start.TotalSeconds, end = w.End.TotalSeconds, genre = w.Genre, confidence = w.Confidence }),
    }, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}
