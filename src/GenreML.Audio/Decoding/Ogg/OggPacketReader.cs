using System.Buffers.Binary;

namespace GenreML.Audio.Decoding;

/// <summary>
/// Reads the packets of the first logical stream of an Ogg file (RFC 3533) page by page, checking
/// every page's CRC. Pages of other multiplexed streams are skipped. The end of the file before the
/// end-of-stream page (or inside a page) is a truncation, reported by <see cref="Truncation"/>; a
/// chained stream after the first one is not decoded, and <see cref="Truncation"/> says so too.
/// </summary>
internal sealed class OggPacketReader(Stream stream, string source)
{
    private const int PageHeaderLength = 27;

    /// <summary>Largest packet accepted: 16 MiB (a Vorbis or Opus audio packet is a few KiB).</summary>
    private const int MaxPacketLength = 16 << 20;

    private readonly LookaheadReader _reader = new(stream, 1 << 17);
    private readonly Queue<OggPacket> _ready = new();
    private readonly MemoryStream _partial = new();
    private int? _serial;
    private int _pages;
    private bool _ended;
    private bool _sawEndOfStream;

    /// <summary>Set once the packets ran out: what was missing from the stream or left undecoded after it, if anything.</summary>
    public string? Truncation { get; private set; }

    /// <summary>The stream's serial number, known after the first packet.</summary>
    public int Serial => _serial ?? 0;

    /// <summary>The next packet, or null at the end of the stream.</summary>
    public OggPacket? Next()
    {
        while (_ready.Count == 0)
        {
            if (_ended || !ReadPage())
            {
                _ended = true;
                return null;
            }
        }

        return _ready.Dequeue();
    }

    /// <summary>The next packet without consuming it, or null at the end of the stream.</summary>
    public OggPacket? Peek()
    {
        while (_ready.Count == 0)
        {
            if (_ended || !ReadPage())
            {
                _ended = true;
                return null;
            }
        }

        return _ready.Peek();
    }

    /// <summary>Reads one page of our stream into the ready packets; false at the end.</summary>
    private bool ReadPage()
    {
        long at = _reader.Position;
        var header = _reader.Peek(PageHeaderLength);
        if (_sawEndOfStream)
        {
            if (!header.IsEmpty)
            {
                Truncation = $"more Ogg data (another stream?) follows the end of the first stream at byte {at}; only the first stream was decoded";
            }

            return false;
        }

        if (header.IsEmpty)
        {
            Truncation = $"truncated: the Ogg stream ends at byte {at} without its end-of-stream page";
            return false;
        }

        if (!header.StartsWith("OggS"u8))
        {
            throw new AudioFormatException(source, $"Ogg page {_pages + 1} at byte {at} does not start with \"OggS\"");
        }

        if (header.Length < PageHeaderLength)
        {
            Truncation = $"truncated: the file ends inside the header of Ogg page {_pages + 1} (byte {at})";
            return false;
        }

        if (header[4] != 0)
        {
            throw new AudioFormatException(source, $"Ogg page {_pages + 1} at byte {at} has stream structure version {header[4]}; only 0 exists");
        }

        int segments = header[26];
        var page = _reader.Peek(PageHeaderLength + segments);
        header = page;
        if (page.Length < PageHeaderLength + segments)
        {
            Truncation = $"truncated: the file ends inside the header of Ogg page {_pages + 1} (byte {at})";
            return false;
        }

        int bodyLength = 0;
        for (int i = 0; i < segments; i++)
        {
            bodyLength += page[PageHeaderLength + i];
        }

        int pageLength = PageHeaderLength + segments + bodyLength;
        page = _reader.Peek(pageLength);
        if (page.Length < pageLength)
        {
            Truncation = $"truncated: the file ends inside Ogg page {_pages + 1} (byte {at}: {page.Length} of {pageLength} bytes)";
            return false;
        }

        header = page; // the window may have moved while peeking further: read every field from the last peek
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(page[22..]);
        uint crc = OggCrc.Update(0, page[..22]);
        crc = OggCrc.Update(crc, [0, 0, 0, 0]);
        crc = OggCrc.Update(crc, page[26..]);
        if (crc != stored)
        {
            throw new AudioFormatException(source, $"Ogg page {_pages + 1} at byte {at} fails its CRC check (damaged data)");
        }

        byte flags = header[5];
        long granule = BinaryPrimitives.ReadInt64LittleEndian(header[6..]);
        int serial = BinaryPrimitives.ReadInt32LittleEndian(header[14..]);
        _pages++;
        if (_serial is null)
        {
            if ((flags & 2) == 0)
            {
                throw new AudioFormatException(source, $"the first Ogg page (byte {at}) is not flagged as the beginning of a stream");
            }

            _serial = serial;
        }
        else if (serial != _serial)
        {
            _reader.Advance(pageLength);
            return true;
        }

        if ((flags & 1) == 0 && _partial.Length > 0)
        {
            throw new AudioFormatException(source, $"Ogg page {_pages} at byte {at} does not continue the packet the previous page left open");
        }

        int offset = PageHeaderLength + segments;
        int lastComplete = -1;
        for (int i = 0; i < segments; i++)
        {
            if (page[PageHeaderLength + i] < 255)
            {
                lastComplete = i;
            }
        }

        bool endOfStream = (flags & 4) != 0;
        for (int i = 0; i < segments; i++)
        {
            int lace = page[PageHeaderLength + i];
            if (_partial.Length + lace > MaxPacketLength)
            {
                throw new AudioFormatException(source, $"an Ogg packet on page {_pages} (byte {at}) is longer than {MaxPacketLength} bytes");
            }

            _partial.Write(page.Slice(offset, lace));
            offset += lace;
            if (lace < 255)
            {
                bool lastOnPage = i == lastComplete;
                _ready.Enqueue(new OggPacket(_partial.ToArray(), lastOnPage ? granule : null, lastOnPage && endOfStream));
                _partial.SetLength(0);
            }
        }

        _reader.Advance(pageLength);
        _sawEndOfStream = endOfStream;
        return true;
    }
}
