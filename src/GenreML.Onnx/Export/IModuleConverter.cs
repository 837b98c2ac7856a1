namespace GenreML.Onnx.Export;

/// <summary>
/// Turns one TorchSharp module into ONNX nodes. Register implementations in a <see cref="ModuleConverterRegistry"/>
/// to export your own module types.
/// </summary>
public interface IModuleConverter
{
    /// <summary>
    /// Emits the nodes computing the module's forward from <see cref="ModuleConversionContext.Input"/> and returns
    /// the name of the value holding its output (the input itself for an identity).
    /// Throw <see cref="ModuleConversionContext.Unsupported"/> for settings that cannot be exported exactly.
    /// </summary>
    string Convert(ModuleConversionContext context);
}
