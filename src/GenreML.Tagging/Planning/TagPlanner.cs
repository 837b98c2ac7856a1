using GenreML.Tagging.Containers;

namespace GenreML.Tagging.Planning;

/// <summary>Decides a file's new genre from the genre it has, the genres chosen for it, the mode and the container.</summary>
public sealed record TagPlanner
{
    /// <summary>The default <see cref="Delimiter"/>.</summary>
    public const string DefaultDelimiter = "; ";

    /// <summary>What to do with a genre the file already has (default <see cref="TagMode.Keep"/>).</summary>
    public TagMode Mode { get; init; } = TagMode.Keep;

    /// <summary>Joins several genres in containers whose genre field holds one string (MP4), and splits theirs for merging.</summary>
    public string Delimiter { get; init; } = DefaultDelimiter;

    /// <summary>The plan for a file of <paramref name="container"/> that holds <paramref name="current"/> when <paramref name="ours"/> were chosen for it (not empty).</summary>
    public TagPlan Plan(AudioContainer container, StoredGenres current, IReadOnlyList<string> ours)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(ours);
        if (ours.Count == 0)
        {
            throw new ArgumentException("no genre was chosen; the caller says why the file is left alone", nameof(ours));
        }

        bool several = container.HoldsSeveralGenres();
        List<string> theirs = several
            ? current.Genres.Where(g => g.Length > 0).ToList()
            : current.Genres.SelectMany(g => g.Split(Delimiter.Trim(), StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (Mode == TagMode.Keep && theirs.Count > 0)
        {
            return new TagPlan(current.Genres, [], "already has a genre (--mode keep)");
        }

        List<string> target = Mode == TagMode.Merge
            ? theirs.Concat(ours.Where(g => !theirs.Contains(g, StringComparer.OrdinalIgnoreCase))).ToList()
            : ours.ToList();
        IReadOnlyList<string> values = several ? target : [string.Join(Delimiter, target)];
        if (current.SameFieldsAs(GenreTagAccess.Expected(container, values)))
        {
            return new TagPlan(current.Genres, [], "already tagged so");
        }

        return new TagPlan(current.Genres, values, null);
    }
}
