using GenreML.Onnx.Export;

namespace GenreML.Onnx.Converters;

/// <summary>A parameter-free element-wise module → one ONNX operator without attributes (ReLU → Relu, Sigmoid, Tanh).</summary>
public sealed class UnaryOperatorConverter : IModuleConverter
{
    private readonly string _opType;

    /// <summary>Converts to the ONNX operator <paramref name="opType"/>.</summary>
    public UnaryOperatorConverter(string opType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        _opType = opType;
    }

    /// <inheritdoc />
    public string Convert(ModuleConversionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Graph.AddNode(_opType, context.OutputName, context.Input).Output;
    }
}
