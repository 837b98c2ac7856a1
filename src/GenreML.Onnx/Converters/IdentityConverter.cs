using GenreML.Onnx.Export;

namespace GenreML.Onnx.Converters;

/// <summary>Identity, and Dropout/Dropout2d (identities in eval mode): no node, the input passes through.</summary>
public sealed class IdentityConverter : IModuleConverter
{
    /// <inheritdoc />
    public string Convert(ModuleConversionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Input;
    }
}
