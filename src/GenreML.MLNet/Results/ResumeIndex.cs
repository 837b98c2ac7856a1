namespace GenreML.MLNet.Results;

/// <summary>
/// What a results file already holds, for <c>--resume</c>: a file is done when its latest line was made by the same
/// model and the file is unchanged since (same path, size and modification time, and content hash when the line
/// has one); with <c>retryFailed</c> a line recording an error does not count. Lines that do not count are
/// dropped from the file when it is continued (<see cref="ResultsFileWriter.Append"/>), so that every file
/// appears once in the final output.
/// </summary>
public sealed class ResumeIndex
{
    private readonly Dictionary<string, FileIdentity> _done;

    private ResumeIndex(Dictionary<string, FileIdentity> done, IReadOnlyList<string> keptLines, bool dropsLines)
    {
        _done = done;
        KeptLines = keptLines;
        DropsLines = dropsLines;
    }

    /// <summary>An empty index: nothing is done (no results file yet).</summary>
    public static ResumeIndex Empty { get; } = new([], [], dropsLines: false);

    /// <summary>How many files are done.</summary>
    public int Count => _done.Count;

    /// <summary>The lines that count, in file order.</summary>
    public IReadOnlyList<string> KeptLines { get; }

    /// <summary>True when some lines of the file do not count (and the file must be rewritten before appending).</summary>
    public bool DropsLines { get; }

    /// <summary>Whether the results file records a hash of the content (then resuming checks hashes too).</summary>
    public bool HasHashes => _done.Values.Any(i => i.Sha256 is not null);

    /// <summary>Reads <paramref name="resultsPath"/> (missing = empty) and checks each recorded file against the disk now.</summary>
    /// <param name="resultsPath">The results file of the earlier run.</param>
    /// <param name="model">The identity of the model of this run (<see cref="ModelIdentity.Of"/>).</param>
    /// <param name="retryFailed">True to score again the files whose line records an error.</param>
    /// <exception cref="InvalidDataException">The file has a line that is not a result.</exception>
    public static ResumeIndex Load(string resultsPath, string model, bool retryFailed)
    {
        ArgumentNullException.ThrowIfNull(resultsPath);
        ArgumentNullException.ThrowIfNull(model);
        if (!File.Exists(resultsPath))
        {
            return Empty;
        }

        List<ResultLine> lines = ResultsFileReader.Read(resultsPath).ToList();
        var latest = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            latest[lines[i].Identity.Path] = i;
        }

        var done = new Dictionary<string, FileIdentity>(StringComparer.Ordinal);
        var kept = new List<string>();
        for (int i = 0; i < lines.Count; i++)
        {
            ResultLine line = lines[i];
            if (latest[line.Identity.Path] != i || !string.Equals(line.Model, model, StringComparison.Ordinal) || (retryFailed && line.Failed)
                || !line.Identity.Matches(FileIdentity.Of(line.Identity.Path, hashContent: line.Identity.Sha256 is not null)))
            {
                continue;
            }

            done[line.Identity.Path] = line.Identity;
            kept.Add(line.Text);
        }

        return new ResumeIndex(done, kept, dropsLines: kept.Count != lines.Count);
    }

    /// <summary>True when <paramref name="path"/> is done and need not be scored again.</summary>
    public bool IsDone(string path) => _done.ContainsKey(path);
}
