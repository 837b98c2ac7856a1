using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenreML.Tagging.Undo;

/// <summary>
/// The undo log: JSON Lines, one <see cref="UndoRecord"/> per changed file, appended and flushed to disk
/// before the file is replaced, so that a run killed at any moment has logged every file it changed (and at
/// most one it was about to change). The log is only ever appended to; several runs can share one.
/// </summary>
public sealed class UndoLog : IDisposable
{
    /// <summary>The log file used when none is given: <c>genreml-tag-undo.jsonl</c> in the current folder.</summary>
    public const string DefaultFileName = "genreml-tag-undo.jsonl";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly FileStream _stream;
    private readonly Lock _gate = new();

    private UndoLog(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    /// <summary>The log file.</summary>
    public string Path { get; }

    /// <summary>Opens <paramref name="path"/> for appending, creating it (and its folder) when needed.</summary>
    /// <exception cref="IOException">It cannot be opened, e.g. another run is appending to it.</exception>
    public static UndoLog Open(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var stream = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new UndoLog(full, stream);
    }

    /// <summary>Appends <paramref name="record"/> as one line and flushes it to disk.</summary>
    public void Append(UndoRecord record)
    {
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, Json) + "\n");
        lock (_gate)
        {
            _stream.Write(line);
            _stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Reads every record of the log at <paramref name="path"/>, oldest first. A last line cut short (a run killed mid-append) is reported through <paramref name="skipped"/>, not thrown.</summary>
    /// <exception cref="InvalidDataException">A line other than the last is not a record (the message names the line).</exception>
    public static IReadOnlyList<UndoRecord> Read(string path, out string? skipped)
    {
        skipped = null;
        string[] lines = File.ReadAllLines(path);
        var records = new List<UndoRecord>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            try
            {
                records.Add(JsonSerializer.Deserialize<UndoRecord>(lines[i], Json) ?? throw new JsonException("null record"));
            }
            catch (JsonException e) when (i == lines.Length - 1)
            {
                skipped = $"{path}:{i + 1}: an unfinished last line was ignored ({e.Message})";
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{i + 1}: not an undo record: {e.Message}", e);
            }
        }

        return records;
    }

    /// <summary>Closes the log.</summary>
    public void Dispose() => _stream.Dispose();
}
