using GenreML.Cli.Commands.Scoring;
using GenreML.Tagging;

namespace GenreML.Cli.Commands.Tagging;

/// <summary>
/// Prints what <c>tag</c> does, one line per file (<c>path: old → new</c>, or why it was left alone), then a
/// summary; failed files are listed again on standard error through <see cref="FailureReport"/>.
/// </summary>
internal sealed class TagReport(TextWriter output, string verb)
{
    private readonly List<(string Path, string Reason)> _failures = [];
    private readonly Dictionary<TagOutcomeKind, int> _counts = [];

    /// <summary>Prints one file's outcome.</summary>
    public void Add(TagOutcome outcome)
    {
        _counts[outcome.Kind] = _counts.GetValueOrDefault(outcome.Kind) + 1;
        string old = Show(outcome.Old);
        string line = outcome.Kind switch
        {
            TagOutcomeKind.WouldWrite or TagOutcomeKind.Written => $"{outcome.Path}: {old} → {Show(outcome.New)}" + (outcome.Reason is { } note ? $" ({note})" : ""),
            TagOutcomeKind.LeftAlone => $"{outcome.Path}: left alone: {outcome.Reason}" + (outcome.Old.Count > 0 ? $" [{old}]" : ""),
            _ => $"{outcome.Path}: NOT {verb}: {outcome.Reason}",
        };
        output.WriteLine(line);
        if (outcome.Kind == TagOutcomeKind.Failed)
        {
            _failures.Add((outcome.Path, outcome.Reason ?? "failed"));
        }
    }

    /// <summary>The number of files seen.</summary>
    public int Total => _counts.Values.Sum();

    /// <summary>Prints the summary and the failures; returns the exit code (0, or 1 when some failed).</summary>
    public int Finish(bool dryRun, string? undoLog)
    {
        int changed = _counts.GetValueOrDefault(dryRun ? TagOutcomeKind.WouldWrite : TagOutcomeKind.Written);
        int left = _counts.GetValueOrDefault(TagOutcomeKind.LeftAlone);
        int failed = _counts.GetValueOrDefault(TagOutcomeKind.Failed);
        output.WriteLine(dryRun
            ? $"Dry run: {changed} of {Total} file(s) would be {verb}, {left} left alone, {failed} failed. Nothing was changed; add --write to apply."
            : $"{changed} of {Total} file(s) {verb}, {left} left alone, {failed} failed." + (undoLog is not null && changed > 0 ? $" Undo with: genreml tag --undo {undoLog}" : ""));
        return FailureReport.Print($"{failed} of {Total} file(s) could not be {verb}:", _failures);
    }

    private static string Show(IReadOnlyList<string> genres) => genres.Count == 0 ? "(no genre)" : string.Join("; ", genres);
}
