namespace GenreML.Onnx.Building;

/// <summary>Tensor element types GenreML writes (values of ONNX <c>TensorProto.DataType</c>).</summary>
public enum OnnxElementType
{
    /// <summary>32-bit IEEE float.</summary>
    Float = 1,

    /// <summary>64-bit signed integer.</summary>
    Int64 = 7,
}
