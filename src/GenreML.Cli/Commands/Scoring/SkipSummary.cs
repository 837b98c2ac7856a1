using GenreML.MLNet.Library;

namespace GenreML.Cli.Commands.Scoring;

/// <summary>How batch commands report what the library walk skipped: a count per reason, or every entry with <c>--verbose</c>; on standard error.</summary>
internal static class SkipSummary
{
    /// <summary>Prints the skipped entries of <paramref name="walker"/> (nothing when none were skipped).</summary>
    public static void Print(LibraryWalker walker, bool verbose)
    {
        if (walker.Skipped.Count == 0)
        {
            return;
        }

        string counts = string.Join(", ", walker.SkipCounts.OrderBy(c => c.Key).Select(c => $"{c.Value} {Describe(c.Key)}"));
        Console.Error.WriteLine($"Skipped {walker.Skipped.Count} entries: {counts}{(verbose ? ":" : " (--verbose lists them).")}");
        if (verbose)
        {
            foreach (SkippedEntry entry in walker.Skipped)
            {
                Console.Error.WriteLine($"  {entry.Path}: {entry.Detail}");
            }
        }
    }

    private static string Describe(SkipReason reason) => reason switch
    {
        SkipReason.NotAudio => "not audio (extension)",
        SkipReason.AlreadyVisited => "already visited (symlink loop or second link)",
        SkipReason.Unreadable => "unreadable",
        SkipReason.BrokenLink => "broken symlink",
        _ => reason.ToString(),
    };
}
