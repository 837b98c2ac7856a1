using System.Text.Json.Serialization;
using GenreML.Core.IO;
using GenreML.Tagging.Containers;

namespace GenreML.Tagging.Undo;

/// <summary>
/// One line of the undo log: a file whose genre <c>tag --write</c> replaced, with the fields before and after
/// exactly, and the identity of the file it wrote (to tell later whether someone changed it since).
/// </summary>
public sealed record UndoRecord
{
    /// <summary>When the change was made (UTC).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The file, as a full path (a name that is not UTF-8 is written with <c>\uDCxx</c> escapes and read back exactly).</summary>
    [JsonConverter(typeof(EscapedPathJsonConverter))]
    public required string Path { get; init; }

    /// <summary>Its container.</summary>
    public required AudioContainer Container { get; init; }

    /// <summary>The genre fields before.</summary>
    public required StoredGenres Old { get; init; }

    /// <summary>The genre fields written.</summary>
    public required StoredGenres New { get; init; }

    /// <summary>The size of the file written.</summary>
    public required long Size { get; init; }

    /// <summary>The modification time of the file written (UTC).</summary>
    public required DateTime LastWriteUtc { get; init; }
}
