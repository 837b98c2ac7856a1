namespace GenreML.Audio.Decoding;

/// <summary>The last non-blank lines a child process wrote to its standard error, collected as they arrive.</summary>
internal sealed class StderrTail(int linesKept)
{
    private readonly Queue<string> _lines = new();

    /// <summary>Keeps <paramref name="line"/> (blank lines and the end-of-stream null are ignored).</summary>
    public void Add(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line.Trim());
            if (_lines.Count > linesKept)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>The lines kept so far, oldest first.</summary>
    public string[] Lines()
    {
        lock (_lines)
        {
            return [.. _lines];
        }
    }
}
