namespace GenreML.Onnx.Building;

/// <summary>Tensor element types GenreML writes (values of ONNX <c>TensorProto.DataType</c>).</summary>
public enum OnnxElementType
{
    /// <summary>32-bit IEEE float.</summary>
    Float = 1,

    /// <summary>8-bit unsigned integer (quantised activations).</summary>
    UInt8 = 2,

    /// <summary>8-bit signed integer (quantised weights).</summary>
    Int8 = 3,

    /// <summary>32-bit signed integer (quantised biases).</summary>
    Int32 = 6,

    /// <summary>64-bit signed integer.</summary>
    Int64 = 7,
}
