namespace GenreML.MLNet.Data;

/// <summary>How <see cref="Microsoft.ML.AudioDataCatalogExtensions.LoadFromAudioFolder"/> walks a folder.</summary>
public sealed class AudioFolderOptions
{
    /// <summary>The extensions (with dot, case-insensitive) treated as audio; other files are not audio and are not listed.</summary>
    public static IReadOnlyList<string> DefaultExtensions { get; } =
        [".wav", ".au", ".snd", ".mp3", ".flac", ".ogg", ".oga", ".opus", ".m4a", ".aac", ".wma", ".aif", ".aiff"];

    /// <summary>
    /// True (the default): the folder is labelled, <c>&lt;root&gt;/&lt;genre&gt;/…</c>, and a Label column holds the
    /// first folder under the root. False: unlabelled, no Label column.
    /// </summary>
    public bool Labelled { get; init; } = true;

    /// <summary>File extensions to list; default <see cref="DefaultExtensions"/>.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = DefaultExtensions;

    /// <summary>
    /// Optional split file, one <c>&lt;name&gt; &lt;split&gt;</c> per line (name = file name without extension, as
    /// GTZAN's <c>split.txt</c>); with <see cref="Split"/> only the files of that split are listed.
    /// </summary>
    public string? SplitFile { get; init; }

    /// <summary>The split to keep (e.g. "test" or "valid"); required when <see cref="SplitFile"/> is set.</summary>
    public string? Split { get; init; }
}
