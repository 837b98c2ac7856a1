using GenreML.Core.IO;
using System.Globalization;
using System.Text.Json;
using GenreML.Inference.Batch;

namespace GenreML.MLNet.Results;

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

    /// <summary>
    /// Writes <paramref name="outcomes"/> to <paramref name="path"/> (format from the extension), each success with its
    /// <paramref name="top"/> most probable genres; returns how many were written.
    /// </summary>
    public static int Write(string path, IEnumerable<ClassificationOutcome> outcomes, int top = 3)
    {
        PredictionFormat format = FormatOf(path);
        int count = 0;
        AtomicFile.WriteText(path, writer => count = Write(writer, outcomes, format, top));
        return count;
    }

    /// <summary>Writes <paramref name="outcomes"/> to <paramref name="writer"/> in <paramref name="format"/>; returns how many were written.</summary>
    public static int Write(TextWriter writer, IEnumerable<ClassificationOutcome> outcomes, PredictionFormat format, int top = 3)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        if (format == PredictionFormat.Csv)
        {
            writer.WriteLine("path,status,genre,probability,top_genres,top_probabilities,duration_s,error");
        }

        int count = 0;
        foreach (ClassificationOutcome outcome in outcomes)
        {
            ResultRow row = ResultRow.From(outcome, top);
            writer.WriteLine(format == PredictionFormat.Csv ? CsvLine(row) : JsonSerializer.Serialize(row, Json));
            count++;
        }

        return count;
    }

    private static string CsvLine(ResultRow r) => string.Join(',',
        Quote(r.Path),
        r.Status ?? "",
        Quote(r.Genre ?? ""),
        r.Error is null ? Number(r.Probability) : "",
        Quote(string.Join(';', r.TopGenres)),
        string.Join(';', r.TopProbabilities.Select(Number)),
        r.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        Quote(r.Error ?? ""));

    private static string Number(float value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>One line of a results file (the JSON Lines field names and the CSV columns).</summary>
    private sealed record ResultRow(
        string Path, string? Status, string? Genre, float Probability, IReadOnlyList<string> TopGenres, IReadOnlyList<float> TopProbabilities, double DurationSeconds, string? Error)
    {
        public static ResultRow From(ClassificationOutcome outcome, int top)
        {
            if (outcome.Prediction is not { } p)
            {
                return new ResultRow(outcome.Path, null, null, float.NaN, [], [], 0, outcome.Error ?? "not classified");
            }

            var best = p.Scores.Take(top).ToArray();
            return new ResultRow(outcome.Path, p.Status, p.Genre, p.Confidence, best.Select(s => s.Genre).ToArray(), best.Select(s => s.Probability).ToArray(), p.Duration.TotalSeconds, null);
        }
    }
}
