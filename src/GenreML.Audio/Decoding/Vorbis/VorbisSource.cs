using NVorbis;

namespace GenreML.Audio.Decoding;

/// <summary>
/// Ogg Vorbis decoded in managed code: our Ogg page reader (CRC-checked, truncation-aware) feeds
/// NVorbis's stream decoder with clipping off (ffmpeg does not clip: Vorbis can overshoot ±1), and
/// the stream ends where the granule position of its last page says, as in ffmpeg.
/// </summary>
internal sealed class VorbisSource : MonoAudioSource
{
    private readonly OggPacketReader _packets;
    private readonly VorbisPacketProvider _provider;
    private readonly StreamDecoder _decoder;
    private readonly int _channels;
    private float[] _interleaved = new float[8192];
    private bool _done;

    private VorbisSource(string source, OggPacketReader packets, VorbisPacketProvider provider, StreamDecoder decoder)
        : base(source)
    {
        _packets = packets;
        _provider = provider;
        _decoder = decoder;
        _channels = decoder.Channels;
        SampleRate = decoder.SampleRate;
    }

    /// <inheritdoc/>
    public override int SampleRate { get; }

    /// <inheritdoc/>
    public override int SourceChannels => _channels;

    /// <inheritdoc/>
    public override string DecoderName => "Ogg Vorbis (NVorbis)";

    /// <summary>Reads the three Vorbis header packets and prepares to decode.</summary>
    public static VorbisSource Open(Stream stream, string source)
    {
        var packets = new OggPacketReader(stream, source);
        var provider = new VorbisPacketProvider(packets);
        StreamDecoder decoder;
        try
        {
            decoder = new StreamDecoder(provider) { ClipSamples = false };
        }
        catch (Exception error) when (error is not (OutOfMemoryException or AudioFormatException))
        {
            throw new AudioFormatException(source, $"the Vorbis headers cannot be read: {error.Message}", error);
        }

        DecoderLimits.CheckLayout(source, decoder.Channels, decoder.SampleRate);
        return new VorbisSource(source, packets, provider, decoder);
    }

    /// <inheritdoc/>
    protected override int ReadCore(Span<float> destination)
    {
        if (_done)
        {
            return 0;
        }

        int want = destination.Length * _channels;
        if (_interleaved.Length < want)
        {
            _interleaved = new float[want];
        }

        int got;
        try
        {
            got = _decoder.Read(_interleaved.AsSpan(0, want), 0, want);
        }
        catch (Exception error) when (error is not (OutOfMemoryException or AudioFormatException))
        {
            throw new AudioFormatException(SourceName, $"Vorbis packet near sample {SamplesRead} cannot be decoded: {error.Message}", error);
        }

        if (got == 0)
        {
            _done = true;
            if (_packets.Truncation is string truncation)
            {
                AddWarning(truncation);
            }

            return 0;
        }

        int frames = got / _channels;
        if (_provider.EndedEarly)
        {
            // A cut stream: what the decoder flushes after the last complete page is unfinished overlap.
            frames = (int)Math.Clamp(_provider.LastGranule - SamplesRead, 0, frames);
            if (frames == 0)
            {
                return ReadCore(destination);
            }
        }

        MonoDownmix.Interleaved(_interleaved.AsSpan(0, frames * _channels), _channels, destination[..frames]);
        return frames;
    }
}
