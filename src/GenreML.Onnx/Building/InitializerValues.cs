using System.Runtime.InteropServices;
using GenreML.Onnx.Proto;
using Google.Protobuf;

namespace GenreML.Onnx.Building;

/// <summary>Reads float initializers of an existing graph and makes initializers of any element type from raw values.</summary>
internal static class InitializerValues
{
    /// <summary>The values of a float tensor, from <c>raw_data</c> or <c>float_data</c>.</summary>
    /// <exception cref="InvalidDataException">The tensor is not float or its data does not fill its shape.</exception>
    public static float[] Floats(TensorProto tensor)
    {
        if (tensor.DataType != (int)OnnxElementType.Float)
        {
            throw new InvalidDataException($"initializer '{tensor.Name}' is of ONNX type {tensor.DataType}, not float");
        }

        long count = tensor.Dims.Aggregate(1L, (a, d) => a * d);
        float[] values = tensor.RawData.Length > 0
            ? MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray()
            : tensor.FloatData.ToArray();
        if (values.Length != count)
        {
            throw new InvalidDataException($"initializer '{tensor.Name}' holds {values.Length} values for shape [{string.Join(", ", tensor.Dims)}]");
        }

        return values;
    }

    /// <summary>A tensor named <paramref name="name"/> of <paramref name="type"/> holding <paramref name="values"/> (little-endian raw data).</summary>
    public static TensorProto Make<T>(string name, OnnxElementType type, T[] values, params long[] dims)
        where T : unmanaged
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; this machine is not.");
        }

        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }
}
