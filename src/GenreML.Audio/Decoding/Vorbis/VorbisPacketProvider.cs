using NVorbis;
using NVorbis.Contracts;
using IPacketProvider = NVorbis.Contracts.IPacketProvider;

namespace GenreML.Audio.Decoding;

/// <summary>Hands the packets of our <see cref="OggPacketReader"/> to NVorbis's stream decoder (forward only, no seeking).</summary>
internal sealed class VorbisPacketProvider(OggPacketReader packets) : IPacketProvider
{
    private VorbisPacket? _peeked;

    /// <inheritdoc/>
    public bool CanSeek => false;

    /// <inheritdoc/>
    public int StreamSerial => packets.Serial;

    /// <summary>The granule position of the end-of-stream page, once its last packet has been handed out.</summary>
    public long? FinalGranule { get; private set; }

    /// <inheritdoc/>
    public IPacket? GetNextPacket()
    {
        var packet = _peeked ?? Wrap(packets.Next());
        _peeked = null;
        if (packet is { IsEndOfStream: true })
        {
            FinalGranule = packet.GranulePosition;
        }

        return packet;
    }

    /// <inheritdoc/>
    public IPacket? PeekNextPacket() => _peeked ??= Wrap(packets.Next());

    /// <inheritdoc/>
    public long GetGranuleCount() => throw new NotSupportedException("the stream is read forward only");

    /// <inheritdoc/>
    public long SeekTo(long granulePos, int preRoll, GetPacketGranuleCount getPacketGranuleCount) =>
        throw new NotSupportedException("the stream is read forward only");

    private static VorbisPacket? Wrap(OggPacket? packet) => packet is null ? null : new VorbisPacket(packet);

    /// <summary>One packet's bytes as NVorbis's bit reader sees them.</summary>
    private sealed class VorbisPacket : DataPacket
    {
        private readonly byte[] _data;
        private int _next;

        public VorbisPacket(OggPacket packet)
        {
            _data = packet.Data;
            GranulePosition = packet.Granule;
            IsEndOfStream = packet.IsLast;
        }

        protected override int TotalBits => _data.Length * 8;

        protected override int ReadNextByte() => _next < _data.Length ? _data[_next++] : -1;

        public override void Reset()
        {
            _next = 0;
            base.Reset();
        }
    }
}
