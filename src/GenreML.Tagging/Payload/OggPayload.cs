using System.Buffers.Binary;

namespace GenreML.Tagging.Payload;

/// <summary>
/// Ogg Vorbis and Opus: every packet of every logical stream except the comment packet (the second), and the
/// granule positions of the audio pages. Pages themselves are not compared: rewriting the comment renumbers
/// the pages after it and so changes their checksums, while the packets a decoder sees stay the same.
/// </summary>
internal static class OggPayload
{
    public static void Hash(PayloadReader reader)
    {
        var streams = new Dictionary<uint, LogicalStream>();
        Span<byte> header = stackalloc byte[27];
        Span<byte> lacing = stackalloc byte[255];
        long position = 0;
        while (position < reader.Length)
        {
            reader.Read(position, header, "an Ogg page header");
            if (!header.StartsWith("OggS"u8))
            {
                throw reader.Invalid($"no Ogg page at byte {position}");
            }

            uint serial = BinaryPrimitives.ReadUInt32LittleEndian(header[14..18]);
            int segments = header[26];
            reader.Read(position + 27, lacing[..segments], "an Ogg lacing table");
            if (!streams.TryGetValue(serial, out LogicalStream? stream))
            {
                stream = new LogicalStream(serial);
                streams.Add(serial, stream);
            }

            if (stream.HeadersDone)
            {
                reader.HashBytes(header[6..14]);
            }

            long body = position + 27 + segments;
            foreach (byte length in lacing[..segments])
            {
                stream.Append(reader, body, length);
                body += length;
                if (length < 255)
                {
                    stream.EndPacket(reader);
                }
            }

            position = body;
        }
    }

    private sealed class LogicalStream(uint serial)
    {
        private readonly MemoryStream _packet = new();
        private int _index;
        private int _headerCount = int.MaxValue;

        public bool HeadersDone => _index >= _headerCount;

        public void Append(PayloadReader reader, long position, int length)
        {
            Span<byte> bytes = stackalloc byte[length];
            reader.Read(position, bytes, "an Ogg segment");
            _packet.Write(bytes);
        }

        public void EndPacket(PayloadReader reader)
        {
            ReadOnlySpan<byte> packet = _packet.GetBuffer().AsSpan(0, (int)_packet.Length);
            if (_index == 0)
            {
                _headerCount = packet.StartsWith("OpusHead"u8) ? 2 : 3;
            }

            if (_index != 1)
            {
                Span<byte> prefix = stackalloc byte[8];
                BinaryPrimitives.WriteUInt32LittleEndian(prefix, serial);
                BinaryPrimitives.WriteInt32LittleEndian(prefix[4..], packet.Length);
                reader.HashBytes(prefix);
                reader.HashBytes(packet);
            }

            _index++;
            _packet.SetLength(0);
        }
    }
}
