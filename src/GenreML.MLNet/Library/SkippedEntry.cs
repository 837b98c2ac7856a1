namespace GenreML.MLNet.Library;

/// <summary>An entry <see cref="LibraryWalker"/> did not list, and why.</summary>
/// <param name="Path">The entry's path.</param>
/// <param name="Reason">The reason, for counting.</param>
/// <param name="Detail">A sentence for people (e.g. which folder a loop leads back to).</param>
public sealed record SkippedEntry(string Path, SkipReason Reason, string Detail);
