namespace GenreML.Cli.Commands.Scoring;

/// <summary>How batch commands list the files they could not handle: a heading, then "path: reason" per file, on standard error.</summary>
internal static class FailureReport
{
    /// <summary>Prints <paramref name="failures"/> under <paramref name="heading"/>; returns the exit code: 0 when there are none, else 1.</summary>
    public static int Print(string heading, IReadOnlyCollection<(string Path, string Reason)> failures)
    {
        if (failures.Count == 0)
        {
            return 0;
        }

        Console.Error.WriteLine(heading);
        foreach ((string path, string reason) in failures)
        {
            Console.Error.WriteLine($"  {path}: {reason}");
        }

        return 1;
    }
}
