using System.Buffers;
using GenreML.Audio.Dsp;

namespace GenreML.Audio.Decoding;

/// <summary>
/// A decoded audio stream read in chunks: mono (the mean of the channels) 32-bit float samples at
/// the file's own rate, so that a two-hour file never has to be held in memory at once. Get one
/// from <see cref="AudioDecoder.Open(string)"/>; dispose it when done (it may own a file handle or
/// an ffmpeg process).
/// </summary>
/// <remarks>
/// <para><see cref="Read"/> fills the destination as far as it can and returns 0 only at the end.
/// Every failure is an <see cref="AudioFormatException"/> naming the source, thrown from the
/// <see cref="Read"/> call that meets it: samples returned before it stay valid.</para>
/// <para>Truncation policy (the same for every format): a file that ends early (a declared length
/// larger than the file, a cut inside a frame or page, fewer frames than the stream header
/// announces) is decoded as far as it goes and <see cref="Warning"/> says what was missing once
/// <see cref="Read"/> has returned 0. A file with no audio at all is an error.</para>
/// </remarks>
public abstract class MonoAudioSource : IDisposable
{
    private long _samplesRead;
    private bool _ended;
    private bool _disposed;

    /// <summary>Creates a source named <paramref name="sourceName"/> in errors.</summary>
    protected MonoAudioSource(string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        SourceName = sourceName;
    }

    /// <summary>The path or stream description that errors and warnings name.</summary>
    public string SourceName { get; }

    /// <summary>Samples per second of the decoded audio (the file's own rate).</summary>
    public abstract int SampleRate { get; }

    /// <summary>How many channels the source has before the downmix to mono.</summary>
    public abstract int SourceChannels { get; }

    /// <summary>Which decoder produces the samples, e.g. "WAV", "MP3 (NLayer)", "FLAC", "ffmpeg".</summary>
    public abstract string DecoderName { get; }

    /// <summary>Mono samples returned so far.</summary>
    public long SamplesRead => _samplesRead;

    /// <summary>
    /// Null while reading and for a complete file; once <see cref="Read"/> has returned 0, says what
    /// was missing from a file that ended early (it was decoded as far as it went).
    /// </summary>
    public string? Warning { get; protected set; }

    /// <summary>Adds <paramref name="note"/> to <see cref="Warning"/> (several are joined with "; ").</summary>
    protected void AddWarning(string note) => Warning = Warning is null ? note : $"{Warning}; {note}";

    /// <summary>
    /// Fills <paramref name="destination"/> with the next mono samples; returns how many were written,
    /// 0 only at the end of the audio (a short count does not mean the end).
    /// </summary>
    /// <exception cref="AudioFormatException">The content is damaged, or holds no audio at all.</exception>
    public int Read(Span<float> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_ended || destination.IsEmpty)
        {
            return 0;
        }

        int count;
        try
        {
            do
            {
                count = ReadCore(destination);
            }
            while (count < 0);
        }
        catch (IOException io)
        {
            throw new AudioFormatException(SourceName, $"read error: {io.Message}", io);
        }

        if (count == 0)
        {
            _ended = true;
            if (_samplesRead == 0)
            {
                throw new AudioFormatException(SourceName, Warning is null
                    ? "the file contains no audio samples (the data is empty)"
                    : $"the file contains no audio samples ({Warning})");
            }

            return 0;
        }

        CheckFinite(destination[..count]);
        _samplesRead += count;
        return count;
    }

    /// <summary>Reads all the remaining samples into one signal (with <see cref="Warning"/>, if any).</summary>
    /// <exception cref="AudioFormatException">The content is damaged, holds no audio, or is longer than one array can hold.</exception>
    public AudioSignal ReadToEnd()
    {
        var samples = new MonoSampleBuffer(0);
        float[] chunk = ArrayPool<float>.Shared.Rent(1 << 14);
        try
        {
            int got;
            while ((got = Read(chunk)) > 0)
            {
                chunk.AsSpan(0, got).CopyTo(samples.Append(got, SourceName));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(chunk);
        }

        return new AudioSignal(samples.ToArray(), SampleRate, SourceChannels, Warning);
    }

    /// <summary>
    /// Reads <paramref name="signal"/> (already decoded, in memory) in chunks like a file; its
    /// <see cref="AudioSignal.Warning"/> becomes the source's once the end is read.
    /// </summary>
    public static MonoAudioSource FromSignal(AudioSignal signal, string sourceName = "signal")
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(sourceName);
        return new SignalSource(signal, sourceName);
    }

    /// <summary>Something the source closes with itself (the file it opened), set by the code that opens it.</summary>
    internal IDisposable? Owned { get; set; }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            try
            {
                Dispose(true);
            }
            finally
            {
                Owned?.Dispose();
            }

            GC.SuppressFinalize(this);
        }
    }

    /// <summary>
    /// Decodes up to <paramref name="destination"/>.Length samples; returns the count, 0 at the end,
    /// or a negative number to be called again (a frame that produced no output).
    /// </summary>
    protected abstract int ReadCore(Span<float> destination);

    /// <summary>Releases what the source owns (file, process, decoder state).</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    private void CheckFinite(ReadOnlySpan<float> samples)
    {
        if (SampleChecks.AllFinite(samples))
        {
            return;
        }

        for (int i = 0; i < samples.Length; i++)
        {
            if (!float.IsFinite(samples[i]))
            {
                throw new AudioFormatException(SourceName, $"sample {_samplesRead + i} is {(float.IsNaN(samples[i]) ? "NaN" : "infinite")}; audio must be finite");
            }
        }
    }
}
