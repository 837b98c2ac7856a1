using GenreML.Audio.Decoding;
using GenreML.Audio.Dsp;
using GenreML.Audio.Resampling;

namespace GenreML.Audio.Features;

/// <summary>
/// The log-Mel spectrogram of one clip of any length in bounded memory, in blocks of frames. Decibels are
/// relative to the whole clip (its largest Mel value sets the top_db floor, and the reference with
/// <see cref="DbReference.Max"/>), which a single pass cannot know before the end, so the clip is read twice:
/// opening it runs pass 1 (decode → resample → Mel frames, keeping the largest value, the sample count and
/// energy), <see cref="Blocks"/> runs pass 2 (the same frames again, now converted to decibels). A clip whose
/// Mel frames fit in <see cref="KeepBytes"/> (about 12 minutes at the default settings) keeps them from pass 1
/// and is read once. Every frame is computed by the same code as <see cref="LogMelExtractor.Compute(ReadOnlySpan{float})"/>,
/// so the blocks put together equal the whole-signal spectrogram exactly. Get one from <see cref="ClipFeaturizer.Open(string)"/>.
/// </summary>
public sealed class LogMelStream : IDisposable
{
    /// <summary>Mel frames kept from pass 1 so that a clip up to this size (16 MiB) is decoded only once.</summary>
    public const long KeepBytes = 16L << 20;

    private const int DefaultBlockFrames = 1024;

    /// <summary>
    /// Values per pass-1 block (64 KiB): kept blocks stay below the 85 000-byte large-object threshold, so a clip's
    /// kept frames are short-lived small objects, not large ones that each cost a full (gen 2) collection.
    /// </summary>
    private const int PassOneBlockValues = 1 << 14;

    private readonly LogMelExtractor _extractor;
    private readonly Func<MonoAudioSource> _open;
    private readonly IDisposable? _owned;
    private List<float[]>? _kept;
    private int _keptInDecibels;
    private bool _disposed;

    private LogMelStream(LogMelExtractor extractor, Func<MonoAudioSource> open, IDisposable? owned, long keepBytes)
    {
        _extractor = extractor;
        _open = open;
        _owned = owned;
        RunPassOne(keepBytes);
    }

    /// <summary>The feature settings.</summary>
    public LogMelOptions Options => _extractor.Options;

    /// <summary>The path or stream description errors name.</summary>
    public string SourceName { get; private set; } = "";

    /// <summary>How many channels the source had before the downmix.</summary>
    public int SourceChannels { get; private set; }

    /// <summary>What the decoder could not read of a file that ended early (see <see cref="MonoAudioSource.Warning"/>); null for a complete one.</summary>
    public string? Warning { get; private set; }

    /// <summary>Samples at the feature rate.</summary>
    public long Samples { get; private set; }

    /// <summary>Sum of the squares of the samples at the feature rate (added in order, in double precision).</summary>
    public double Energy { get; private set; }

    /// <summary>Frames of the spectrogram (<see cref="LogMelOptions.FrameCount"/> of <see cref="Samples"/>).</summary>
    public int Frames { get; private set; }

    /// <summary>The largest Mel value (power or magnitude) of the clip, before decibels.</summary>
    public float Largest { get; private set; }

    /// <summary>The length of the clip at the feature rate.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples / Options.SampleRate);

    /// <summary>Whether pass 1 kept the frames, so <see cref="Blocks"/> does not decode the clip again.</summary>
    public bool SinglePass => _kept is not null;

    /// <summary>
    /// Runs pass 1 over the audio <paramref name="open"/> opens (at any rate; it is resampled to the feature rate
    /// as it is read). <paramref name="open"/> is called again for pass 2 unless the frames fit in
    /// <paramref name="keepBytes"/>; <paramref name="owned"/>, if given, is disposed with the stream (a spooled copy).
    /// </summary>
    /// <exception cref="AudioFormatException">The audio cannot be decoded, or holds no samples.</exception>
    /// <exception cref="ArgumentException">Reflect padding is asked for a signal not longer than FftSize/2.</exception>
    public static LogMelStream Open(LogMelExtractor extractor, Func<MonoAudioSource> open, IDisposable? owned = null, long keepBytes = KeepBytes)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(open);
        try
        {
            return new LogMelStream(extractor, open, owned, keepBytes);
        }
        catch
        {
            owned?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The spectrogram in consecutive blocks of up to <paramref name="blockFrames"/> frames (band-major, in decibels
    /// when <see cref="LogMelOptions.ToDecibels"/>), frame 0 first. The block returned is reused for the next one:
    /// copy what you keep, and do not change it (a clip read once hands out the frames it keeps). Decodes the clip
    /// again unless <see cref="SinglePass"/>.
    /// </summary>
    /// <exception cref="AudioFormatException">The audio cannot be decoded again, or it changed since pass 1.</exception>
    public IEnumerable<Spectrogram> Blocks(int blockFrames = DefaultBlockFrames)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockFrames);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _kept is { } kept ? Replay(kept) : Decode(blockFrames);
    }

    /// <summary>Deletes the spooled copy, if there is one.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _kept = null;
            _owned?.Dispose();
        }
    }

    /// <summary>The kept frames, converted to decibels in place the first time each block is handed out (no copies).</summary>
    private IEnumerable<Spectrogram> Replay(List<float[]> kept)
    {
        int bands = Options.MelBands;
        for (int i = 0; i < kept.Count; i++)
        {
            var block = new Spectrogram(kept[i], bands, kept[i].Length / bands);
            if (i == _keptInDecibels)
            {
                ToDecibels(block);
                _keptInDecibels++;
            }

            yield return block;
        }
    }

    private IEnumerable<Spectrogram> Decode(int blockFrames)
    {
        int bands = Options.MelBands;
        var full = new float[bands * blockFrames];
        using MonoAudioSource source = Resampler.Resample(_open(), Options.SampleRate);
        using var reader = new MelFrameReader(_extractor, source);
        int got;
        while ((got = reader.ReadBlock(full, blockFrames, blockFrames)) > 0)
        {
            if (reader.Frames > Frames)
            {
                throw Changed(reader);
            }

            yield return ToDecibels(got == blockFrames ? new Spectrogram(full, bands, got) : Compact(full, blockFrames, got));
        }

        if (reader.Frames != Frames)
        {
            throw Changed(reader);
        }
    }

    private AudioFormatException Changed(MelFrameReader reader) =>
        new(SourceName, $"the audio changed while it was read: {reader.Samples} samples on the second pass, {Samples} on the first");

    private Spectrogram ToDecibels(Spectrogram block)
    {
        if (Options.ToDecibels)
        {
            DecibelScale.Apply(block.Data, Options, Largest);
        }

        return block;
    }

    /// <summary>The first <paramref name="frames"/> columns of a band-major block of <paramref name="stride"/> columns, as their own spectrogram.</summary>
    private Spectrogram Compact(float[] block, int stride, int frames)
    {
        int bands = Options.MelBands;
        var data = new float[bands * frames];
        for (int b = 0; b < bands; b++)
        {
            block.AsSpan(b * stride, frames).CopyTo(data.AsSpan(b * frames, frames));
        }

        return new Spectrogram(data, bands, frames);
    }

    private void RunPassOne(long keepBytes)
    {
        int bands = Options.MelBands;
        long keepFrames = keepBytes / (sizeof(float) * (long)bands);
        var kept = new List<float[]>();
        float largest = float.NegativeInfinity;
        using MonoAudioSource source = Resampler.Resample(_open(), Options.SampleRate);
        SourceName = source.SourceName;
        SourceChannels = source.SourceChannels;
        using var reader = new MelFrameReader(_extractor, source);
        int blockFrames = Math.Max(1, PassOneBlockValues / bands);
        var block = new float[bands * blockFrames];
        int got;
        while ((got = reader.ReadBlock(block, blockFrames, blockFrames)) > 0)
        {
            Spectrogram frames = got == blockFrames ? new Spectrogram(block, bands, got) : Compact(block, blockFrames, got);
            largest = MathF.Max(largest, VectorExtremes.Max(frames.Data));
            if (kept is not null && reader.Frames <= keepFrames)
            {
                kept.Add(frames.Data);
                if (frames.Data == block)
                {
                    block = new float[block.Length];
                }
            }
            else
            {
                kept = null;
            }
        }

        Samples = reader.Samples;
        Energy = reader.Energy;
        Frames = checked((int)reader.Frames);
        Warning = source.Warning;
        Largest = largest;
        _kept = kept;
    }
}
