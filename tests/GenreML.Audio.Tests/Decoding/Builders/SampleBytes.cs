using System.Buffers.Binary;

namespace GenreML.Audio.Tests.Decoding.Builders;

/// <summary>Encodes sample values the way files store them.</summary>
internal static class SampleBytes
{
    /// <summary>Signed integers (or, for width 1 with <paramref name="unsigned8"/>, offset-binary bytes) of the given width and byte order.</summary>
    public static byte[] Int(IReadOnlyList<int> values, int width, bool bigEndian, bool unsigned8 = false)
    {
        var bytes = new byte[values.Count * width];
        for (int i = 0; i < values.Count; i++)
        {
            int value = width == 1 && unsigned8 ? values[i] + 128 : values[i];
            for (int b = 0; b < width; b++)
            {
                int shift = 8 * (bigEndian ? width - 1 - b : b);
                bytes[i * width + b] = (byte)(value >> shift);
            }
        }

        return bytes;
    }

    /// <summary>IEEE floats (4 bytes) or doubles (8 bytes) in the given byte order.</summary>
    public static byte[] Float(IReadOnlyList<double> values, int width, bool bigEndian)
    {
        var bytes = new byte[values.Count * width];
        for (int i = 0; i < values.Count; i++)
        {
            var slot = bytes.AsSpan(i * width, width);
            if (width == 4)
            {
                if (bigEndian) BinaryPrimitives.WriteSingleBigEndian(slot, (float)values[i]);
                else BinaryPrimitives.WriteSingleLittleEndian(slot, (float)values[i]);
            }
            else
            {
                if (bigEndian) BinaryPrimitives.WriteDoubleBigEndian(slot, values[i]);
                else BinaryPrimitives.WriteDoubleLittleEndian(slot, values[i]);
            }
        }

        return bytes;
    }
}
