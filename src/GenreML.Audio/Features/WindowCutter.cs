namespace GenreML.Audio.Features;

/// <summary>
/// <see cref="SpectrogramWindows"/>' windows cut from a spectrogram that arrives in blocks (<see cref="LogMelStream.Blocks"/>):
/// it keeps the frames of the window not yet complete (fewer than T), hands out each window as soon as its last frame arrives and, at the end, the last
/// window padded with the clip's smallest value (or the pad value given). Fed the whole spectrogram as one block it
/// gives exactly <see cref="SpectrogramWindows.Cut"/>'s windows (which is how Cut works).
/// </summary>
public sealed class WindowCutter
{
    private readonly int _bands;
    private readonly int _windowFrames;
    private readonly int _hopFrames;
    private readonly float? _padValue;
    private readonly float[] _tail;
    private int _tailFrames;
    private long _frames;
    private long _nextWindow;
    private bool _finished;
    private float _floor = float.PositiveInfinity; // the smallest value seen so far

    /// <summary>Cuts windows of <paramref name="windowFrames"/> frames every <paramref name="hopFrames"/> frames from spectrograms of <paramref name="bands"/> bands.</summary>
    /// <param name="bands">Bands of every block.</param>
    /// <param name="windowFrames">T, frames per window.</param>
    /// <param name="hopFrames">Frames between the starts of successive windows.</param>
    /// <param name="padValue">Value for frames past the end; null uses the smallest value of all the blocks (<see cref="SpectrogramWindows.PadValue"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive.</exception>
    public WindowCutter(int bands, int windowFrames, int hopFrames, float? padValue = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bands);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowFrames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hopFrames);
        _bands = bands;
        _windowFrames = windowFrames;
        _hopFrames = hopFrames;
        _padValue = padValue;
        _tail = new float[bands * (windowFrames - 1)];
    }

    /// <summary>Frames added so far.</summary>
    public long Frames => _frames;

    /// <summary>Adds the next <paramref name="block"/> of frames and appends the windows it completes to <paramref name="windows"/>, in order.</summary>
    /// <exception cref="ArgumentException">The block has another band count.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Finish"/> was called.</exception>
    public void Add(Spectrogram block, ICollection<float[]> windows)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(windows);
        if (_finished) throw new InvalidOperationException("the cutter is finished");
        if (block.Bands != _bands) throw new ArgumentException($"the block has {block.Bands} bands, the windows {_bands}", nameof(block));
        _floor = MathF.Min(_floor, SpectrogramWindows.PadValue(block.Data));
        long end = _frames + block.Frames;
        while (_nextWindow * _hopFrames + _windowFrames <= end)
        {
            windows.Add(Window(block, _nextWindow * _hopFrames, _windowFrames, 0f));
            _nextWindow++;
        }

        KeepTail(block, end);
        _frames = end;
    }

    /// <summary>
    /// Ends the spectrogram: appends the last window when it runs past the end (padded), so that there are
    /// <see cref="SpectrogramWindows.Count"/> windows in all.
    /// </summary>
    /// <exception cref="ArgumentException">No frames were added (the clip is shorter than one FFT frame).</exception>
    public void Finish(ICollection<float[]> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (_finished) throw new InvalidOperationException("the cutter is finished");
        _finished = true;
        if (_frames == 0)
        {
            throw new ArgumentException("Cannot cut windows from a spectrogram with no frames (the clip is shorter than one FFT frame).");
        }

        long count = SpectrogramWindows.Count(checked((int)_frames), _windowFrames, _hopFrames);
        if (_nextWindow < count)
        {
            long start = _nextWindow * _hopFrames;
            if (start >= _frames) throw new ArgumentOutOfRangeException(nameof(windows), $"start {start} outside 0..{_frames - 1}");
            windows.Add(Window(null, start, (int)(_frames - start), _padValue ?? _floor));
            _nextWindow++;
        }
    }

    /// <summary>
    /// The window starting at frame <paramref name="start"/>: <paramref name="available"/> frames copied row by row
    /// from the kept tail (frames before <paramref name="block"/>) and the block (null after the last one), then the pad.
    /// The tail holds every frame from the next window's start up to the block, so it holds what this window needs.
    /// </summary>
    private float[] Window(Spectrogram? block, long start, int available, float pad)
    {
        // Every value is written below (tail, block, pad), so the array need not be zeroed first.
        float[] window = GC.AllocateUninitializedArray<float>(_bands * _windowFrames);
        int fromTail = (int)Math.Clamp(_frames - start, 0, available);
        int tailOffset = _tailFrames - (int)(_frames - start);
        int fromBlock = available - fromTail;
        int blockOffset = (int)(start + fromTail - _frames);
        int tailStride = _windowFrames - 1;
        for (int b = 0; b < _bands; b++)
        {
            Span<float> target = window.AsSpan(b * _windowFrames, _windowFrames);
            if (fromTail > 0)
            {
                _tail.AsSpan(b * tailStride + tailOffset, fromTail).CopyTo(target);
            }

            if (fromBlock > 0)
            {
                block!.Data.AsSpan(b * block.Frames + blockOffset, fromBlock).CopyTo(target[fromTail..]);
            }

            target[available..].Fill(pad);
        }

        return window;
    }

    /// <summary>
    /// Keeps the frames from the next window's start on (fewer than T: that window is not complete), all that a
    /// later window or the padded last one can still need, row by row; none when the windows end where the block does.
    /// </summary>
    private void KeepTail(Spectrogram block, long end)
    {
        int capacity = _windowFrames - 1;
        int needed = (int)Math.Clamp(end - _nextWindow * _hopFrames, 0, capacity);
        int fromBlock = Math.Min(block.Frames, needed);
        int kept = needed - fromBlock;
        if (needed > 0)
        {
            for (int b = 0; b < _bands; b++)
            {
                Span<float> row = _tail.AsSpan(b * capacity, capacity);
                row.Slice(_tailFrames - kept, kept).CopyTo(row);
                block.Data.AsSpan(b * block.Frames + block.Frames - fromBlock, fromBlock).CopyTo(row[kept..]);
            }
        }

        _tailFrames = needed;
    }
}
