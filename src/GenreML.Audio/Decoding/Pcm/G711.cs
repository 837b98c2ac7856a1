namespace GenreML.Audio.Decoding;

/// <summary>
/// ITU-T G.711 expansion of μ-law and A-law bytes to 16-bit linear values, as float tables scaled by
/// 1/32768 (so μ-law spans ±32124/32768 and A-law ±32256/32768, like every G.711 decoder).
/// </summary>
internal static class G711
{
    /// <summary>Sample value of each μ-law byte.</summary>
    public static readonly float[] MuLaw = BuildTable(MuLawToLinear);

    /// <summary>Sample value of each A-law byte.</summary>
    public static readonly float[] ALaw = BuildTable(ALawToLinear);

    /// <summary>The 16-bit linear value of a μ-law byte (bias 0x84, bits inverted on the wire).</summary>
    public static int MuLawToLinear(byte code)
    {
        int u = ~code & 0xFF;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
        return (u & 0x80) != 0 ? -magnitude : magnitude;
    }

    /// <summary>The 16-bit linear value of an A-law byte (even bits inverted on the wire, sign bit set = positive).</summary>
    public static int ALawToLinear(byte code)
    {
        int a = code ^ 0x55;
        int exponent = (a >> 4) & 0x07;
        int mantissa = a & 0x0F;
        int magnitude = exponent == 0
            ? (mantissa << 4) + 8
            : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (a & 0x80) != 0 ? magnitude : -magnitude;
    }

    private static float[] BuildTable(Func<byte, int> expand)
    {
        var table = new float[256];
        for (int code = 0; code < table.Length; code++)
        {
            table[code] = expand((byte)code) / 32768f;
        }

        return table;
    }
}
