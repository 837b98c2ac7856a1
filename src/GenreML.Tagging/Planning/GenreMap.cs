using System.Text.Json;

namespace GenreML.Tagging.Planning;

/// <summary>
/// Renames the model's labels to the user's genre names, read from a JSON object such as
/// <c>{"hiphop": "Hip-Hop", "disco": null}</c>: a label maps to a name, or to null (or "") to never write it.
/// Labels the map does not mention are written as they are.
/// </summary>
public sealed class GenreMap
{
    private readonly Dictionary<string, string?> _names;

    /// <summary>Creates a map from label → name pairs (null or empty: never write that label).</summary>
    public GenreMap(IReadOnlyDictionary<string, string?> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = new Dictionary<string, string?>(names, StringComparer.Ordinal);
    }

    /// <summary>The map that renames nothing.</summary>
    public static GenreMap Identity { get; } = new(new Dictionary<string, string?>());

    /// <summary>The labels the map mentions.</summary>
    public IEnumerable<string> Labels => _names.Keys;

    /// <summary>Reads a map file.</summary>
    /// <exception cref="InvalidDataException">The file is not a JSON object of strings (or nulls); the message names the file and the entry.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static GenreMap Load(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: a genre map is a JSON object like {{\"hiphop\": \"Hip-Hop\"}}, not a {document.RootElement.ValueKind}");
            }

            var names = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (JsonProperty entry in document.RootElement.EnumerateObject())
            {
                names[entry.Name] = entry.Value.ValueKind switch
                {
                    JsonValueKind.String => entry.Value.GetString()!.Trim(),
                    JsonValueKind.Null => null,
                    _ => throw new InvalidDataException($"{path}: \"{entry.Name}\" maps to a {entry.Value.ValueKind}; give a genre name in quotes, or null to never write it"),
                };
            }

            return new GenreMap(names);
        }
    }

    /// <summary>The name to write for <paramref name="label"/>, or null when it must not be written.</summary>
    public string? NameOf(string label) =>
        _names.TryGetValue(label, out string? name) ? (string.IsNullOrEmpty(name) ? null : name) : label;

    /// <summary>The labels of this map that are not among <paramref name="modelLabels"/> (probably typing mistakes).</summary>
    public IReadOnlyList<string> UnknownLabels(IEnumerable<string> modelLabels)
    {
        var known = new HashSet<string>(modelLabels, StringComparer.Ordinal);
        return _names.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal).ToArray();
    }
}
