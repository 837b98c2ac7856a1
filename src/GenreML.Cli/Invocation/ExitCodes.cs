namespace GenreML.Cli.Invocation;

/// <summary>The exit codes of every command of both tools, <c>genreml</c> and <c>genreml-train</c> (listed in the README).</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Ok = 0;

    /// <summary>The command ran, but some inputs failed (each is listed on standard error).</summary>
    public const int SomeFailed = 1;

    /// <summary>Nothing could run: a usage error (unknown option, malformed value), a model that cannot be loaded, no input.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by SIGINT (Ctrl-C) or SIGTERM; what finished before is kept (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>
    /// The code of a command that finished with <paramref name="skipped"/> inputs it could not read: <see cref="Ok"/> when none,
    /// else one line on standard error (<c>&lt;command&gt;: N file(s) could not be read and were skipped (&lt;listed&gt;)</c>) and <see cref="SomeFailed"/>.
    /// </summary>
    public static int AfterSkipping(string command, int skipped, string listed)
    {
        if (skipped == 0)
        {
            return Ok;
        }

        Console.Error.WriteLine($"{command}: {skipped} file(s) could not be read and were skipped ({listed})");
        return SomeFailed;
    }
}
