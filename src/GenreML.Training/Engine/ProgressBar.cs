using System.Diagnostics;

namespace GenreML.Training.Engine;

/// <summary>
/// A one-line progress bar redrawn in place (carriage return) on a terminal: step/total, a detail such
/// as loss and accuracy, and the estimated time left. Redraws at most ten times a second; silent when disabled.
/// </summary>
public sealed class ProgressBar
{
    private readonly TextWriter? _writer;
    private readonly string _title;
    private readonly int _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDrawMs = -1000;

    /// <summary>Starts a bar titled <paramref name="title"/> over <paramref name="total"/> steps; null <paramref name="writer"/> disables it.</summary>
    public ProgressBar(TextWriter? writer, string title, int total)
    {
        _writer = writer;
        _title = title;
        _total = Math.Max(total, 1);
    }

    /// <summary>Reports that <paramref name="done"/> steps are finished.</summary>
    public void Report(int done, string? detail = null)
    {
        if (_writer is null) return;
        long now = _clock.ElapsedMilliseconds;
        if (done < _total && now - _lastDrawMs < 100) return;
        _lastDrawMs = now;
        const int width = 24;
        int filled = (int)((long)width * done / _total);
        double eta = done == 0 ? 0 : now / 1000.0 * (_total - done) / done;
        _writer.Write($"\r{_title} [{new string('#', filled)}{new string('-', width - filled)}] {done}/{_total} {detail} ETA {TimeSpan.FromSeconds(Math.Round(eta)):mm\\:ss}  ");
        _writer.Flush();
    }

    /// <summary>Clears the bar's line so the next text starts clean.</summary>
    public void Clear()
    {
        if (_writer is null) return;
        _writer.Write("\r" + new string(' ', _title.Length + 80) + "\r");
        _writer.Flush();
    }
}
