using System.Diagnostics;

namespace GenreML.Core.Progress;

/// <summary>
/// A one-line progress bar for work longer than a second: "label [#####.....] 12/40 3.1/s ETA 0:09 detail".
/// It redraws in place on a terminal (at most ten times a second) and stays silent when output is
/// redirected or when disabled, so logs are not flooded.
/// </summary>
public sealed class ConsoleProgress : IDisposable
{
    private const int BarWidth = 28;
    private readonly string _label;
    private readonly int _total;
    private readonly TextWriter _writer;
    private readonly bool _enabled;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private TimeSpan _lastDraw = TimeSpan.FromSeconds(-1);
    private int _lastLength;
    private int _done;

    /// <summary>Starts a bar over <paramref name="total"/> items; <paramref name="enabled"/> defaults to "standard error is a terminal".</summary>
    public ConsoleProgress(string label, int total, bool? enabled = null, TextWriter? writer = null)
    {
        _label = label;
        _total = Math.Max(0, total);
        _writer = writer ?? Console.Error;
        _enabled = enabled ?? !Console.IsErrorRedirected;
    }

    /// <summary>Marks one more item done.</summary>
    public void Increment(string? detail = null) => Report(Interlocked.Increment(ref _done), detail);

    /// <summary>Records that <paramref name="done"/> items are done and redraws when due.</summary>
    public void Report(int done, string? detail = null)
    {
        if (!_enabled)
        {
            return;
        }

        lock (_gate)
        {
            _done = Math.Max(_done, done);
            TimeSpan now = _clock.Elapsed;
            if (_done < _total && now - _lastDraw < TimeSpan.FromMilliseconds(100))
            {
                return;
            }

            _lastDraw = now;
            Draw(detail);
        }
    }

    private void Draw(string? detail)
    {
        double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        double rate = _done / seconds;
        int filled = _total == 0 ? BarWidth : (int)Math.Round(BarWidth * Math.Min(1.0, (double)_done / _total));
        string eta = rate > 0 && _total > _done ? FormatDuration(TimeSpan.FromSeconds((_total - _done) / rate)) : "-";
        string line = $"{_label} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {_done}/{_total} {rate:0.0}/s ETA {eta}";
        if (!string.IsNullOrEmpty(detail))
        {
            line += " " + detail;
        }

        string padding = line.Length < _lastLength ? new string(' ', _lastLength - line.Length) : "";
        _writer.Write("\r" + line + padding);
        _writer.Flush();
        _lastLength = line.Length;
    }

    /// <summary>Formats a duration as m:ss or h:mm:ss.</summary>
    public static string FormatDuration(TimeSpan span) =>
        span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss") : span.ToString(@"m\:ss");

    /// <summary>Erases the bar's line, for when a summary line replaces it.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            if (_enabled && _lastLength > 0)
            {
                _writer.Write("\r" + new string(' ', _lastLength) + "\r");
                _writer.Flush();
                _lastLength = 0;
            }
        }
    }

    /// <summary>Ends the line so the next output starts on its own; calling it again does nothing.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_enabled && _lastLength > 0)
            {
                _writer.WriteLine();
                _lastLength = 0;
            }
        }
    }
}
