namespace GenreML.Audio.Decoding;

/// <summary>The CRC-32 of Ogg pages (RFC 3533: polynomial 0x04C11DB7, no reflection, initial value 0).</summary>
internal static class OggCrc
{
    private static readonly uint[] Table = MakeTable();

    /// <summary>Continues <paramref name="crc"/> over <paramref name="bytes"/>.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            crc = (crc << 8) ^ Table[(byte)(crc >> 24) ^ b];
        }

        return crc;
    }

    private static uint[] MakeTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint r = i << 24;
            for (int bit = 0; bit < 8; bit++)
            {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            }

            table[i] = r;
        }

        return table;
    }
}
