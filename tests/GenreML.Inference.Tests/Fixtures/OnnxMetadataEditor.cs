using System.Text;

namespace GenreML.Inference.Tests.Fixtures;

/// <summary>
/// Rewrites the <c>metadata_props</c> (field 14 of ONNX's ModelProto) of a serialised model at the protobuf
/// wire level, so tests can give the tiny model any card, a broken one or none, without more fixture files.
/// </summary>
internal static class OnnxMetadataEditor
{
    private const int MetadataPropsField = 14;

    /// <summary>The model with its metadata replaced by <paramref name="entries"/> (none when empty).</summary>
    public static byte[] WithMetadata(byte[] model, params (string Key, string Value)[] entries)
    {
        using var output = new MemoryStream();
        int position = 0;
        while (position < model.Length)
        {
            int start = position;
            ulong tag = ReadVarint(model, ref position);
            int field = (int)(tag >> 3);
            SkipValue(model, ref position, (int)(tag & 7));
            if (field != MetadataPropsField)
            {
                output.Write(model, start, position - start);
            }
        }

        foreach ((string key, string value) in entries)
        {
            byte[] entry = [.. LengthDelimited(1, Encoding.UTF8.GetBytes(key)), .. LengthDelimited(2, Encoding.UTF8.GetBytes(value))];
            output.Write(LengthDelimited(MetadataPropsField, entry));
        }

        return output.ToArray();
    }

    private static byte[] LengthDelimited(int field, byte[] payload)
    {
        var bytes = new List<byte>();
        WriteVarint(bytes, (ulong)((field << 3) | 2));
        WriteVarint(bytes, (ulong)payload.Length);
        bytes.AddRange(payload);
        return bytes.ToArray();
    }

    private static void SkipValue(byte[] data, ref int position, int wireType)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint(data, ref position);
                break;
            case 1:
                position += 8;
                break;
            case 2:
                int length = (int)ReadVarint(data, ref position);
                position += length;
                break;
            case 5:
                position += 4;
                break;
            default:
                throw new InvalidDataException($"unexpected protobuf wire type {wireType} at byte {position}");
        }
    }

    private static ulong ReadVarint(byte[] data, ref int position)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private static void WriteVarint(List<byte> bytes, ulong value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
    }
}
