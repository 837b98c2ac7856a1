using System.Buffers.Binary;
using GenreML.Audio;
using GenreML.Audio.Decoding;

namespace GenreML.Tagging.Payload;

/// <summary>
/// Ogg Vorbis and Opus: every packet of the (first) logical stream except the comment packet (the second),
/// with the granule positions their pages give them, read by the decoder's own <see cref="OggPacketReader"/>
/// (which also checks every page's CRC). Pages themselves are not compared: rewriting the comment renumbers
/// the pages after it and so changes their checksums, while the packets a decoder sees stay the same.
/// </summary>
internal static class OggPayload
{
    public static void Hash(PayloadReader reader)
    {
        var packets = new OggPacketReader(reader.FromStart(), reader.Path);
        Span<byte> prefix = stackalloc byte[12];
        int index = 0;
        try
        {
            while (packets.Next() is { } packet)
            {
                if (index != 1)
                {
                    BinaryPrimitives.WriteInt32LittleEndian(prefix, packet.Data.Length);
                    BinaryPrimitives.WriteInt64LittleEndian(prefix[4..], packet.Granule ?? -1);
                    reader.HashBytes(prefix);
                    reader.HashBytes(packet.Data);
                }

                index++;
            }
        }
        catch (AudioFormatException e)
        {
            throw new InvalidDataException(e.Message, e);
        }

        if (index < 2)
        {
            throw reader.Invalid("an Ogg stream without its header packets");
        }
    }
}
