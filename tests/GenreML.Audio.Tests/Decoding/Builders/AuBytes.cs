using System.Buffers.Binary;
using System.Text;

namespace GenreML.Audio.Tests.Decoding.Builders;

/// <summary>Builds Sun/NeXT AU files in memory, including deliberately broken ones.</summary>
internal static class AuBytes
{
    public const uint MuLaw = 1;
    public const uint Linear8 = 2;
    public const uint Linear16 = 3;
    public const uint Linear24 = 4;
    public const uint Linear32 = 5;
    public const uint Float = 6;
    public const uint Double = 7;
    public const uint ALaw = 27;

    /// <summary>
    /// An AU file: 24-byte header, the annotation (NUL-padded to a multiple of 8 as writers do), then
    /// <paramref name="data"/>. The size and offset fields can be overridden; little-endian writes the "dns." variant.
    /// </summary>
    public static byte[] File(uint encoding, int channels, int sampleRate, byte[] data, string annotation = "",
        uint? dataSizeField = null, uint? dataOffsetField = null, bool littleEndian = false)
    {
        byte[] note = Encoding.ASCII.GetBytes(annotation);
        int noteLength = annotation.Length == 0 ? 0 : (note.Length + 8) / 8 * 8;
        uint offset = dataOffsetField ?? (uint)(24 + noteLength);
        var bytes = new byte[24 + noteLength + data.Length];
        uint[] fields = [0x2E736E64, offset, dataSizeField ?? (uint)data.Length, encoding, (uint)sampleRate, (uint)channels];
        for (int i = 0; i < fields.Length; i++)
        {
            if (littleEndian)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), fields[i]);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4 * i), fields[i]);
            }
        }

        note.CopyTo(bytes, 24);
        data.CopyTo(bytes, 24 + noteLength);
        return bytes;
    }
}
