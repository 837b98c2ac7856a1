namespace GenreML.Tagging.Planning;

/// <summary>What <c>tag</c> will do (or, in a dry run, would do) to one file's genre.</summary>
/// <param name="Old">The genres the file has now, as a player shows them.</param>
/// <param name="New">The values to store (for a single-value container, one string joined with the delimiter); empty when nothing is written.</param>
/// <param name="LeftAloneBecause">Why the file is left as it is; null when it is written.</param>
public sealed record TagPlan(IReadOnlyList<string> Old, IReadOnlyList<string> New, string? LeftAloneBecause)
{
    /// <summary>True when the file's genre changes.</summary>
    public bool Writes => LeftAloneBecause is null;
}
