using GenreML.Audio.IO;
using System.Globalization;
using System.Text.Json;

namespace GenreML.MLNet.Batch;

/// <summary>Writes predictions as CSV or JSON Lines, streaming, into a file that appears atomically when complete.</summary>
public static class PredictionFileWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The format for <paramref name="path"/>'s extension: .csv, or .jsonl / .ndjson.</summary>
    /// <exception cref="ArgumentException">Another extension.</exception>
    public static PredictionFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => PredictionFormat.Csv,
        ".jsonl" or ".ndjson" => PredictionFormat.JsonLines,
        string other => throw new ArgumentException($"'{path}': unknown results format '{other}'; use .csv or .jsonl.", nameof(path)),
    };

    /// <summary>Writes <paramref name="predictions"/> to <paramref name="path"/> (format from the extension); returns how many were written.</summary>
    public static int Write(string path, IEnumerable<GenrePrediction> predictions)
    {
        PredictionFormat format = FormatOf(path);
        int count = 0;
        AtomicFile.WriteText(path, writer => count = Write(writer, predictions, format));
        return count;
    }

    /// <summary>Writes <paramref name="predictions"/> to <paramref name="writer"/> in <paramref name="format"/>; returns how many were written.</summary>
    public static int Write(TextWriter writer, IEnumerable<GenrePrediction> predictions, PredictionFormat format)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(predictions);
        if (format == PredictionFormat.Csv)
        {
            writer.WriteLine("path,status,genre,probability,top_genres,top_probabilities,duration_s,error");
        }

        int count = 0;
        foreach (GenrePrediction prediction in predictions)
        {
            writer.WriteLine(format == PredictionFormat.Csv ? CsvLine(prediction) : JsonSerializer.Serialize(prediction, Json));
            count++;
        }

        return count;
    }

    private static string CsvLine(GenrePrediction p) => string.Join(',',
        Quote(p.Path),
        p.Status ?? "",
        Quote(p.Genre ?? ""),
        p.Succeeded ? Number(p.Probability) : "",
        Quote(string.Join(';', p.TopGenres)),
        string.Join(';', p.TopProbabilities.Select(Number)),
        p.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        Quote(p.Error ?? ""));

    private static string Number(float value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
