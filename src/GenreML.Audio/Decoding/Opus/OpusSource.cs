using System.Buffers.Binary;
using Concentus.Structs;

namespace GenreML.Audio.Decoding;

/// <summary>
/// Ogg Opus (RFC 7845) decoded in managed code: our Ogg packet reader feeds Concentus's Opus decoder
/// at 48 kHz (Opus's own rate; resampling is a later step, as for every format). The pre-skip of the
/// OpusHead header is dropped, its output gain applied, and the stream ends where the granule position
/// of its last page says, as in ffmpeg. Mono and stereo streams (channel mapping family 0) are decoded
/// here; multichannel streams go to ffmpeg.
/// </summary>
internal sealed class OpusSource : BlockDecodingSource
{
    /// <summary>Opus decodes at 48 kHz.</summary>
    public const int Rate = 48_000;

    /// <summary>The longest Opus packet: 120 ms.</summary>
    private const int MaxFrame = 5760;

    private readonly OggPacketReader _packets;
    private readonly OpusDecoder _decoder;
    private readonly int _channels;
    private readonly int _preSkip;
    private readonly float[] _interleaved;
    private long _position;
    private long _end = long.MaxValue;
    private long _packetsDecoded;

    private OpusSource(string source, OggPacketReader packets, OpusDecoder decoder, int channels, int preSkip)
        : base(source)
    {
        _packets = packets;
        _decoder = decoder;
        _channels = channels;
        _preSkip = preSkip;
        _interleaved = new float[MaxFrame * channels];
    }

    /// <inheritdoc/>
    public override int SampleRate => Rate;

    /// <inheritdoc/>
    public override int SourceChannels => _channels;

    /// <inheritdoc/>
    public override string DecoderName => "Ogg Opus (Concentus)";

    /// <summary>Reads the OpusHead and OpusTags packets and prepares to decode.</summary>
    public static OpusSource Open(Stream stream, string source)
    {
        var packets = new OggPacketReader(stream, source);
        var head = packets.Next()?.Data;
        if (head is null || head.Length < 19 || !head.AsSpan().StartsWith("OpusHead"u8))
        {
            throw new AudioFormatException(source, "the Ogg stream does not start with an OpusHead packet of at least 19 bytes");
        }

        if (head[8] >> 4 != 0)
        {
            throw new AudioFormatException(source, $"OpusHead version {head[8]} is not supported (major version 0 is)");
        }

        int channels = head[9];
        int preSkip = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(10));
        short gain = BinaryPrimitives.ReadInt16LittleEndian(head.AsSpan(16));
        int family = head[18];
        if (channels == 0)
        {
            throw new AudioFormatException(source, "the OpusHead header declares zero channels");
        }

        if (family != 0 || channels > 2)
        {
            throw new ManagedDecoderDeclinedException(new AudioFormatException(source, $"Opus channel mapping family {family} with {channels} channels is decoded by ffmpeg, not in managed code"));
        }

        var tags = packets.Next()?.Data;
        if (tags is null || !tags.AsSpan().StartsWith("OpusTags"u8))
        {
            throw new AudioFormatException(source, "the OpusHead packet is not followed by an OpusTags packet");
        }

        // The managed decoder on purpose: the factory Concentus recommends may load a native libopus,
        // and this decoder exists so that nothing but managed code is needed.
#pragma warning disable CS0618
        var decoder = new OpusDecoder(Rate, channels) { Gain = gain };
#pragma warning restore CS0618
        return new OpusSource(source, packets, decoder, channels, preSkip);
    }

    protected override bool DecodeNextBlock()
    {
        if (_position >= _end)
        {
            return false;
        }

        var packet = _packets.Next();
        if (packet is null)
        {
            if (_packets.Truncation is string truncation)
            {
                AddWarning(truncation);
            }

            return false;
        }

        if (packet.IsLast && packet.Granule is long granule)
        {
            _end = granule;
        }

        int frames;
        try
        {
            frames = _decoder.Decode(packet.Data, _interleaved, MaxFrame, false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new AudioFormatException(SourceName, $"Opus packet {_packetsDecoded + 1} cannot be decoded: {error.Message}", error);
        }

        _packetsDecoded++;
        long first = _position;
        _position += frames;
        int start = (int)Math.Clamp(_preSkip - first, 0, frames);
        PublishBlock(_interleaved.AsSpan(0, frames * _channels), _channels, start, (int)Math.Clamp(_end - first, start, frames));
        return true;
    }
}
