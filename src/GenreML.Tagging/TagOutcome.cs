using GenreML.Tagging.Writing;

namespace GenreML.Tagging;

/// <summary>What happened to one file.</summary>
public enum TagOutcomeKind
{
    /// <summary>Dry run: the file would be written.</summary>
    WouldWrite,

    /// <summary>The file was written (or, for undo, restored) and verified.</summary>
    Written,

    /// <summary>The file was left as it was on purpose (the reason says why).</summary>
    LeftAlone,

    /// <summary>The file should have been written but could not be; it is unchanged (the reason says why).</summary>
    Failed,
}

/// <summary>The result for one file: what it held, what it holds now (or would), and why when nothing changed.</summary>
/// <param name="Path">The file.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Old">Its genres before.</param>
/// <param name="New">Its genres after (or planned); empty when nothing changed.</param>
/// <param name="Reason">Why it was left alone or failed, or a note on a write; null otherwise.</param>
/// <param name="Problem">For <see cref="TagOutcomeKind.Failed"/>, the kind of problem.</param>
public sealed record TagOutcome(string Path, TagOutcomeKind Kind, IReadOnlyList<string> Old, IReadOnlyList<string> New, string? Reason = null, TagProblem? Problem = null)
{
    internal static TagOutcome LeftAlone(string path, string reason, IReadOnlyList<string>? old = null) => new(path, TagOutcomeKind.LeftAlone, old ?? [], [], reason);

    internal static TagOutcome Failed(string path, TagWriteException e, IReadOnlyList<string>? old = null) =>
        new(path, TagOutcomeKind.Failed, old ?? [], [], StripPath(path, e.Message), e.Problem);

    // Messages name the file for callers that print them alone; an outcome already carries the path.
    private static string StripPath(string path, string message) =>
        message.StartsWith(path + ": ", StringComparison.Ordinal) ? message[(path.Length + 2)..] : message;
}
