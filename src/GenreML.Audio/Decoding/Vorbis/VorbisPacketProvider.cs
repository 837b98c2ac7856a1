using NVorbis;
using NVorbis.Contracts;
using IPacketProvider = NVorbis.Contracts.IPacketProvider;

namespace GenreML.Audio.Decoding;

/// <summary>Hands the packets of our <see cref="OggPacketReader"/> to NVorbis's stream decoder (forward only, no seeking).</summary>
internal sealed class VorbisPacketProvider(OggPacketReader packets) : IPacketProvider
{
    /// <summary>
    /// An empty comment header ("\x03vorbis", no vendor, no comments, framing bit) handed to NVorbis in
    /// place of the file's: tags are not needed, and NVorbis trusts the lengths in them (a damaged one
    /// makes it try to allocate gigabytes).
    /// </summary>
    private static readonly byte[] EmptyComments = [3, (byte)'v', (byte)'o', (byte)'r', (byte)'b', (byte)'i', (byte)'s', 0, 0, 0, 0, 0, 0, 0, 0, 1];

    private VorbisPacket? _peeked;
    private int _handedOut;

    /// <inheritdoc/>
    public bool CanSeek => false;

    /// <inheritdoc/>
    public int StreamSerial => packets.Serial;

    /// <summary>The granule position of the end-of-stream page, once its last packet has been handed out.</summary>
    public long? FinalGranule { get; private set; }

    /// <summary>The granule position of the last complete page handed out: the samples finished so far.</summary>
    public long LastGranule { get; private set; }

    /// <summary>True once the packets ran out before an end-of-stream page (a cut file).</summary>
    public bool EndedEarly { get; private set; }

    /// <inheritdoc/>
    public IPacket? GetNextPacket()
    {
        var packet = _peeked ?? Wrap(packets.Next());
        _peeked = null;
        if (packet is null)
        {
            EndedEarly = FinalGranule is null;
        }
        else if (packet.GranulePosition is long granule)
        {
            LastGranule = granule;
            if (packet.IsEndOfStream)
            {
                FinalGranule = granule;
            }
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

    private VorbisPacket? Wrap(OggPacket? packet)
    {
        if (packet is null)
        {
            return null;
        }

        bool comments = ++_handedOut == 2 && packet.Data.Length >= 7 && packet.Data[0] == 3;
        return new VorbisPacket(comments ? packet with { Data = EmptyComments } : packet);
    }

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
