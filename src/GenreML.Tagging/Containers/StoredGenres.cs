namespace GenreML.Tagging.Containers;

/// <summary>
/// The genre of one file exactly as it is stored: the raw fields (ID3v2 "TCON"; Vorbis comment "GENRE";
/// MP4 "©gen" and the old numeric "gnre"), each with its values, and the ID3v2 version of the tag that holds
/// them. An absent field is not in <see cref="Fields"/>. The undo log keeps these so that undo restores them exactly.
/// </summary>
public sealed record StoredGenres
{
    /// <summary>The raw genre fields, by name, in the order the file has them.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Fields { get; init; }

    /// <summary>The major version (3 or 4) of the file's ID3v2 tag for MP3 and WAV; null when there is none or the container does not use ID3v2.</summary>
    public int? Id3Version { get; init; }

    /// <summary>The genres as a player shows them (a numeric "gnre" code as its name), for display and planning.</summary>
    public required IReadOnlyList<string> Genres { get; init; }

    /// <summary>No genre at all.</summary>
    public static StoredGenres None { get; } = new() { Fields = new Dictionary<string, IReadOnlyList<string>>(), Genres = [] };

    /// <summary>True when both hold the same fields with the same values in the same order (the ID3v2 version is not compared).</summary>
    public bool SameFieldsAs(StoredGenres other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Fields.Count == other.Fields.Count
            && Fields.All(f => other.Fields.TryGetValue(f.Key, out IReadOnlyList<string>? values) && values.SequenceEqual(f.Value, StringComparer.Ordinal));
    }
}
