using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GenreML.Core.IO;
using GenreML.Inference.Results;

namespace GenreML.MLNet.Results;

/// <summary>
/// Writes a results file (CSV or JSON Lines, by extension) one line per file as results arrive, flushing each
/// line, so that a run killed at any moment keeps every result finished before it (at worst the last line is
/// torn, and <see cref="ResultsFileReader"/> ignores a torn last line). Fields: <see cref="ResultFields"/>.
/// No temporary file is involved, so an interrupted run leaves nothing but the results.
/// </summary>
public sealed class ResultsFileWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly PredictionFormat _format;
    private readonly int _top;

    private ResultsFileWriter(StreamWriter writer, PredictionFormat format, int top)
    {
        _writer = writer;
        _format = format;
        _top = top;
    }

    /// <summary>The file written.</summary>
    public required string Path { get; init; }

    /// <summary>Lines written by this writer.</summary>
    public int Written { get; private set; }

    /// <summary>The format for <paramref name="path"/>'s extension: .csv, or .jsonl / .ndjson.</summary>
    /// <exception cref="ArgumentException">Another extension.</exception>
    public static PredictionFormat FormatOf(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => PredictionFormat.Csv,
        ".jsonl" or ".ndjson" => PredictionFormat.JsonLines,
        string other => throw new ArgumentException($"'{path}': unknown results format '{other}'; use .csv or .jsonl.", nameof(path)),
    };

    /// <summary>Starts <paramref name="path"/> afresh (an existing file is replaced); each line lists the <paramref name="top"/> most probable genres.</summary>
    public static ResultsFileWriter Create(string path, int top = 3) => Open(path, FileMode.Create, keptLines: null, top);

    /// <summary>
    /// Continues <paramref name="path"/>: the lines <paramref name="resume"/> keeps (<see cref="ResumeIndex.KeptLines"/>)
    /// stay, in order, and new results are appended after them. When every line is kept the file is only appended
    /// to (a torn last line is cut first); otherwise it is rewritten with the kept lines atomically first.
    /// </summary>
    public static ResultsFileWriter Append(string path, ResumeIndex resume, int top = 3)
    {
        ArgumentNullException.ThrowIfNull(resume);
        return Open(path, FileMode.Append, resume.DropsLines ? resume.KeptLines : null, top);
    }

    private static ResultsFileWriter Open(string path, FileMode mode, IReadOnlyList<string>? keptLines, int top)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        PredictionFormat format = FormatOf(path);
        string full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        if (keptLines is not null)
        {
            GenreML.Core.IO.AtomicFile.WriteText(full, writer =>
            {
                if (format == PredictionFormat.Csv)
                {
                    writer.WriteLine(ResultFields.CsvHeader);
                }

                foreach (string line in keptLines)
                {
                    writer.WriteLine(line);
                }
            });
        }
        else if (mode == FileMode.Append)
        {
            CutTornLine(full);
        }

        var stream = new FileStream(full, mode == FileMode.Create ? FileMode.Create : FileMode.Append, FileAccess.Write, FileShare.Read);
        var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        if (format == PredictionFormat.Csv && stream.Length == 0)
        {
            writer.WriteLine(ResultFields.CsvHeader);
            writer.Flush();
        }

        return new ResultsFileWriter(writer, format, top) { Path = full };
    }

    /// <summary>Writes one result line and flushes it to the file.</summary>
    public void Write(ResultRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _writer.WriteLine(_format == PredictionFormat.Csv ? CsvLine(record, _top) : JsonLine(record, _top));
        _writer.Flush();
        Written++;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _writer.Dispose();

    /// <summary>Cuts everything after the last newline: the torn line of a run killed mid-write.</summary>
    private static void CutTornLine(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        long end = stream.Length;
        var one = new byte[1];
        while (end > 0)
        {
            stream.Position = end - 1;
            stream.ReadExactly(one);
            if (one[0] == (byte)'\n')
            {
                break;
            }

            end--;
        }

        stream.SetLength(end);
    }

    /// <summary>The JSON Lines form of <paramref name="record"/> with its <paramref name="top"/> most probable genres.</summary>
    public static string JsonLine(ResultRecord record, int top = 3)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            EscapedPathText.WriteJson(json, ResultFields.Path, record.Outcome.Path);
            if (record.Outcome.Prediction is { } p)
            {
                WriteAnswer(json, p, top);
                if (p.Segments is { } segments)
                {
                    WriteSegments(json, segments);
                }
            }
            else
            {
                json.WriteString(ResultFields.Error, record.Outcome.Error ?? "failed");
            }

            WriteIdentity(json, record);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes the answer fields every JSON result shares (<c>predict --json</c>, <c>score</c> JSONL): status, genre,
    /// probability, the <paramref name="top"/> genres and their probabilities, and the duration in seconds;
    /// probabilities rounded to 6 decimals, seconds to 3.
    /// </summary>
    public static void WriteAnswer(Utf8JsonWriter json, GenrePrediction prediction, int top)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(prediction);
        json.WriteString(ResultFields.Status, prediction.Status);
        json.WriteString(ResultFields.Genre, prediction.Genre);
        json.WriteNumber(ResultFields.Probability, Math.Round(prediction.Confidence, 6));
        json.WriteStartArray(ResultFields.TopGenres);
        foreach (GenreScore score in prediction.Scores.Take(top))
        {
            json.WriteStringValue(score.Genre);
        }

        json.WriteEndArray();
        json.WriteStartArray(ResultFields.TopProbabilities);
        foreach (GenreScore score in prediction.Scores.Take(top))
        {
            json.WriteNumberValue(Math.Round(score.Probability, 6));
        }

        json.WriteEndArray();
        json.WriteNumber(ResultFields.Seconds, Math.Round(prediction.Duration.TotalSeconds, 3));
    }

    /// <summary>Writes the genre timeline as the <see cref="ResultFields.Segments"/> array of <c>{start, end, genre, probability}</c> objects.</summary>
    public static void WriteSegments(Utf8JsonWriter json, IReadOnlyList<GenreSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(segments);
        json.WriteStartArray(ResultFields.Segments);
        foreach (GenreSegment segment in segments)
        {
            json.WriteStartObject();
            WriteSpan(json, segment.Start, segment.End, segment.Genre, segment.Probability);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Writes the fields of a stretch of a file: start and end in seconds (3 decimals), genre, probability (6 decimals).</summary>
    public static void WriteSpan(Utf8JsonWriter json, TimeSpan start, TimeSpan end, string genre, float probability)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteNumber(ResultFields.Start, Math.Round(start.TotalSeconds, 3));
        json.WriteNumber(ResultFields.End, Math.Round(end.TotalSeconds, 3));
        json.WriteString(ResultFields.Genre, genre);
        json.WriteNumber(ResultFields.Probability, Math.Round(probability, 6));
    }

    private static void WriteIdentity(Utf8JsonWriter json, ResultRecord record)
    {
        json.WriteNumber(ResultFields.Size, record.Identity.Size);
        json.WriteString(ResultFields.Mtime, record.Identity.Mtime);
        if (record.Identity.Sha256 is { } sha)
        {
            json.WriteString(ResultFields.Sha256, sha);
        }

        json.WriteString(ResultFields.Model, record.Model);
    }

    /// <summary>The CSV form of <paramref name="record"/> (columns of <see cref="ResultFields.CsvHeader"/>) with its <paramref name="top"/> most probable genres.</summary>
    public static string CsvLine(ResultRecord record, int top = 3)
    {
        ArgumentNullException.ThrowIfNull(record);
        GenrePrediction? p = record.Outcome.Prediction;
        GenreScore[] best = p?.Scores.Take(top).ToArray() ?? [];
        return string.Join(',',
            Csv.Quote(EscapedPathText.ToText(record.Outcome.Path)),
            p?.Status ?? "",
            Csv.Quote(p?.Genre ?? ""),
            p is null ? "" : Number(p.Confidence),
            Csv.Quote(string.Join(';', best.Select(s => s.Genre))),
            string.Join(';', best.Select(s => Number(s.Probability))),
            p is null ? "" : p.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
            Csv.Quote(p is null ? record.Outcome.Error ?? "failed" : ""),
            record.Identity.Size.ToString(CultureInfo.InvariantCulture),
            record.Identity.Mtime,
            record.Identity.Sha256 ?? "",
            Csv.Quote(record.Model));
    }

    private static string Number(float value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);
}
