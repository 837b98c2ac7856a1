namespace GenreML.MLNet.Data;

/// <summary>One audio file of a source and its genre (null when the source is unlabelled).</summary>
/// <param name="Path">Path of the file.</param>
/// <param name="Label">Genre name, or null.</param>
public readonly record struct AudioClipEntry(string Path, string? Label);
