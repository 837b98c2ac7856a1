using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GenreML.MLNet.Batch;

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

    private ResultsFileWriter(StreamWriter writer, PredictionFormat format)
    {
        _writer = writer;
        _format = format;
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

    /// <summary>Starts <paramref name="path"/> afresh (an existing file is replaced).</summary>
    public static ResultsFileWriter Create(string path) => Open(path, FileMode.Create, keptLines: null);

    /// <summary>
    /// Continues <paramref name="path"/>: the lines <paramref name="resume"/> keeps (<see cref="ResumeIndex.KeptLines"/>)
    /// stay, in order, and new results are appended after them. When every line is kept the file is only appended
    /// to (a torn last line is cut first); otherwise it is rewritten with the kept lines atomically first.
    /// </summary>
    public static ResultsFileWriter Append(string path, ResumeIndex resume)
    {
        ArgumentNullException.ThrowIfNull(resume);
        return Open(path, FileMode.Append, resume.DropsLines ? resume.KeptLines : null);
    }

    private static ResultsFileWriter Open(string path, FileMode mode, IReadOnlyList<string>? keptLines)
    {
        PredictionFormat format = FormatOf(path);
        string full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        if (keptLines is not null)
        {
            Audio.IO.AtomicFile.WriteText(full, writer =>
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

        return new ResultsFileWriter(writer, format) { Path = full };
    }

    /// <summary>Writes one result line and flushes it to the file.</summary>
    public void Write(ResultRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _writer.WriteLine(_format == PredictionFormat.Csv ? CsvLine(record) : JsonLine(record));
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

    /// <summary>The JSON Lines form of <paramref name="record"/>.</summary>
    public static string JsonLine(ResultRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            GenrePrediction p = record.Prediction;
            json.WriteStartObject();
            json.WriteString(ResultFields.Path, p.Path);
            if (p.Succeeded)
            {
                json.WriteString(ResultFields.Genre, p.Genre);
                json.WriteNumber(ResultFields.Probability, Math.Round(p.Probability, 6));
                json.WriteStartArray(ResultFields.TopGenres);
                foreach (string genre in p.TopGenres)
                {
                    json.WriteStringValue(genre);
                }

                json.WriteEndArray();
                json.WriteStartArray(ResultFields.TopProbabilities);
                foreach (float probability in p.TopProbabilities)
                {
                    json.WriteNumberValue(Math.Round(probability, 6));
                }

                json.WriteEndArray();
            }

            json.WriteNumber(ResultFields.Seconds, Math.Round(p.DurationSeconds, 3));
            if (!p.Succeeded)
            {
                json.WriteString(ResultFields.Error, p.Error);
            }

            WriteIdentity(json, record);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
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

    /// <summary>The CSV form of <paramref name="record"/> (columns of <see cref="ResultFields.CsvHeader"/>).</summary>
    public static string CsvLine(ResultRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        GenrePrediction p = record.Prediction;
        return string.Join(',',
            Csv.Quote(p.Path),
            Csv.Quote(p.Genre ?? ""),
            p.Succeeded ? Number(p.Probability) : "",
            Csv.Quote(string.Join(';', p.TopGenres)),
            string.Join(';', p.TopProbabilities.Select(Number)),
            p.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture),
            Csv.Quote(p.Error ?? ""),
            record.Identity.Size.ToString(CultureInfo.InvariantCulture),
            record.Identity.Mtime,
            record.Identity.Sha256 ?? "",
            Csv.Quote(record.Model));
    }

    private static string Number(float value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);
}
