namespace GenreML.Audio.Decoding;

/// <summary>The two checksums of a FLAC frame (RFC 9639 §9.1.8 and §9.3): CRC-8 (x^8+x^2+x+1) of the header, CRC-16 (x^16+x^15+x^2+1) of the frame.</summary>
internal static class FlacCrc
{
    private static readonly byte[] Table8 = MakeTable8();
    private static readonly ushort[] Table16 = MakeTable16();

    /// <summary>CRC-8 of <paramref name="bytes"/>, initial value 0.</summary>
    public static byte Crc8(ReadOnlySpan<byte> bytes)
    {
        byte crc = 0;
        foreach (byte b in bytes)
        {
            crc = Table8[crc ^ b];
        }

        return crc;
    }

    /// <summary>CRC-16 of <paramref name="bytes"/>, initial value 0.</summary>
    public static ushort Crc16(ReadOnlySpan<byte> bytes)
    {
        ushort crc = 0;
        foreach (byte b in bytes)
        {
            crc = (ushort)((crc << 8) ^ Table16[(crc >> 8) ^ b]);
        }

        return crc;
    }

    private static byte[] MakeTable8()
    {
        var table = new byte[256];
        for (int i = 0; i < 256; i++)
        {
            int r = i;
            for (int bit = 0; bit < 8; bit++)
            {
                r = (r & 0x80) != 0 ? (r << 1) ^ 0x07 : r << 1;
            }

            table[i] = (byte)r;
        }

        return table;
    }

    private static ushort[] MakeTable16()
    {
        var table = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            int r = i << 8;
            for (int bit = 0; bit < 8; bit++)
            {
                r = (r & 0x8000) != 0 ? (r << 1) ^ 0x8005 : r << 1;
            }

            table[i] = (ushort)r;
        }

        return table;
    }
}
