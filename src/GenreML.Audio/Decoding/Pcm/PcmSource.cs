using System.Buffers;

namespace GenreML.Audio.Decoding;

/// <summary>
/// Streams the interleaved sample data that follows a WAV or AU header as mono, in blocks of about
/// 64 KiB. A declared length is binding for where the audio ends; an unknown length (null) means
/// "to the end of the stream". Data that ends before the declared length, or in the middle of a
/// frame, is decoded as far as it goes and reported in <see cref="MonoAudioSource.Warning"/>.
/// </summary>
internal sealed class PcmSource : MonoAudioSource
{
    private const int BlockBytes = 1 << 16;

    private readonly Stream _stream;
    private readonly SampleFormat _format;
    private readonly int _channels;
    private readonly int _frameBytes;
    private readonly long? _declared;
    private readonly long _limit;
    private readonly byte[] _raw;
    private long _consumed;
    private bool _done;

    /// <summary>Prepares to read the data at the stream's position (nothing is read yet).</summary>
    public PcmSource(Stream stream, SampleFormat format, int channels, int sampleRate, long? declaredBytes, string source, string decoderName)
        : base(source)
    {
        _stream = stream;
        _format = format;
        _channels = channels;
        SampleRate = sampleRate;
        DecoderName = decoderName;
        _frameBytes = format.BytesPerSample * channels;
        if (declaredBytes is long declared && declared % _frameBytes != 0)
        {
            throw new AudioFormatException(source, $"the header claims {declared} bytes of audio, which is not a whole number of {_frameBytes}-byte frames ({channels} channel(s) of {format.Describe()})");
        }

        _declared = declaredBytes;
        _limit = declaredBytes ?? long.MaxValue;
        int framesPerBlock = Math.Max(1, BlockBytes / _frameBytes);
        _raw = ArrayPool<byte>.Shared.Rent(framesPerBlock * _frameBytes);
    }

    /// <inheritdoc/>
    public override int SampleRate { get; }

    /// <inheritdoc/>
    public override int SourceChannels => _channels;

    /// <inheritdoc/>
    public override string DecoderName { get; }

    /// <inheritdoc/>
    protected override int ReadCore(Span<float> destination)
    {
        if (_done)
        {
            return 0;
        }

        int framesPerBlock = _raw.Length / _frameBytes;
        int frames = Math.Min(destination.Length, framesPerBlock);
        int want = (int)Math.Min((long)frames * _frameBytes, _limit - _consumed);
        if (want <= 0)
        {
            _done = true;
            return 0;
        }

        int got = StreamReading.ReadUpTo(_stream, _raw.AsSpan(0, want));
        _consumed += got;
        int whole = got / _frameBytes;
        SampleConverter.DownmixToMono(_raw.AsSpan(0, whole * _frameBytes), _format, _channels, destination[..whole]);
        if (got < want)
        {
            _done = true;
            if (_declared is long claimed)
            {
                Warning = $"truncated: the header claims {claimed} bytes of audio, but the file ends after {_consumed}; decoded the {_consumed / _frameBytes} whole frames present";
            }
            else if (_consumed % _frameBytes != 0)
            {
                Warning = $"truncated: the audio data ({_consumed} bytes, length left open by the header) ends with a partial frame: frames are {_frameBytes} bytes ({_channels} channel(s) of {_format.Describe()}); decoded the {_consumed / _frameBytes} whole frames";
            }
        }

        return whole;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        ArrayPool<byte>.Shared.Return(_raw);
    }
}
