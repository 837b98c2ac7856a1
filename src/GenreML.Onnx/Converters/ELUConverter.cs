using GenreML.Onnx.Export;
using TorchSharp.Modules;

namespace GenreML.Onnx.Converters;

/// <summary>ELU → ONNX <c>Elu</c> with the same alpha.</summary>
public sealed class ELUConverter : ModuleConverter<ELU>
{
    /// <inheritdoc />
    protected override string Convert(ELU module, ModuleConversionContext context) =>
        context.Graph.AddNode("Elu", context.OutputName, context.Input).Float("alpha", (float)module.alpha).Output;
}
