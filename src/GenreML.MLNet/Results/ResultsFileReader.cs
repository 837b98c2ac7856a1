using System.Globalization;
using System.Text;
using System.Text.Json;
using GenreML.Core.IO;

namespace GenreML.MLNet.Results;

/// <summary>
/// Reads back a results file written by <see cref="ResultsFileWriter"/> (CSV or JSON Lines, by extension). A torn
/// last line (a run killed mid-write: no final newline, or not parseable) is ignored; any other line that is not a
/// result is an error naming the file and line.
/// </summary>
public static class ResultsFileReader
{
    /// <summary>The complete result lines of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="InvalidDataException">A line other than the last is not a result, or a CSV header is not <see cref="ResultFields.CsvHeader"/>.</exception>
    public static IEnumerable<ResultLine> Read(string path)
    {
        PredictionFormat format = ResultsFileWriter.FormatOf(path);
        return format == PredictionFormat.Csv ? ReadCsv(path) : ReadJson(path);
    }

    private static IEnumerable<ResultLine> ReadJson(string path)
    {
        string[] lines = CompleteLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            ResultLine? line = ParseJson(lines[i]);
            if (line is null)
            {
                throw new InvalidDataException($"{path}, line {i + 1}: not a result line (a JSON object with path, size, mtime and model).");
            }

            yield return line;
        }
    }

    private static IEnumerable<ResultLine> ReadCsv(string path)
    {
        string[] lines = CompleteLines(path);
        if (lines.Length == 0)
        {
            yield break;
        }

        if (!string.Equals(lines[0], ResultFields.CsvHeader, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: the header is not '{ResultFields.CsvHeader}'; this is not a results file of this version.");
        }

        var record = new StringBuilder();
        for (int i = 1; i < lines.Length; i++)
        {
            record.Append(lines[i]);
            List<string>? fields = Csv.Split(record.ToString());
            if (fields is null)
            {
                record.Append('\n');
                continue;
            }

            string text = record.ToString();
            record.Clear();
            if (fields.Count != 12 || !long.TryParse(fields[8], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long size))
            {
                throw new InvalidDataException($"{path}, line {i + 1}: not a result line ({ResultFields.CsvHeader}).");
            }

            var identity = new FileIdentity(EscapedPathText.FromText(fields[0]), size, fields[9], fields[10].Length == 0 ? null : fields[10]);
            yield return new ResultLine(identity, fields[11], fields[7].Length > 0, text);
        }
    }

    private static ResultLine? ParseJson(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            JsonElement root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty(ResultFields.Path, out JsonElement path) || path.ValueKind != JsonValueKind.String
                || !root.TryGetProperty(ResultFields.Size, out JsonElement size) || !size.TryGetInt64(out long bytes)
                || !root.TryGetProperty(ResultFields.Mtime, out JsonElement mtime) || mtime.ValueKind != JsonValueKind.String
                || !root.TryGetProperty(ResultFields.Model, out JsonElement model) || model.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            string? sha = root.TryGetProperty(ResultFields.Sha256, out JsonElement s) ? s.GetString() : null;
            bool failed = root.TryGetProperty(ResultFields.Error, out JsonElement error) && error.ValueKind == JsonValueKind.String && error.GetString()!.Length > 0;
            return new ResultLine(new FileIdentity(EscapedPathText.ReadJson(path), bytes, mtime.GetString()!, sha), model.GetString()!, failed, text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The lines that end with a newline (text after the last newline is a torn line and is left out).</summary>
    private static string[] CompleteLines(string path)
    {
        string text = File.ReadAllText(path, Encoding.UTF8);
        int end = text.LastIndexOf('\n');
        return end < 0 ? [] : text[..end].Split('\n');
    }
}
