using GenreML.Onnx.Export;
using TorchSharp.Modules;

namespace GenreML.Onnx.Converters;

/// <summary>
/// Linear → ONNX <c>Gemm</c> (transB = 1) on 2-D inputs; on higher-rank inputs <c>MatMul</c> with the transposed
/// weight (stored as <c>[in, out]</c>) followed by <c>Add</c> of the bias.
/// </summary>
public sealed class LinearConverter : ModuleConverter<Linear>
{
    /// <inheritdoc />
    protected override string Convert(Linear module, ModuleConversionContext context)
    {
        long inputFeatures = context.InputShape[^1];
        if (inputFeatures != module.in_features)
        {
            throw context.Unsupported($"it expects {module.in_features} input features but receives shape [{string.Join(", ", context.InputShape)}].");
        }

        if (context.InputShape.Count == 2)
        {
            string weight = context.Parameter("weight", module.weight!);
            IReadOnlyList<string> inputs = module.bias is { } b ? [context.Input, weight, context.Parameter("bias", b)] : [context.Input, weight];
            context.Graph.AddNode("Gemm", context.OutputName, inputs, [context.OutputName]).Int("transB", 1);
            return context.OutputName;
        }

        string transposed = context.Parameter("weight", module.weight!.detach().t(), "Transposed to [in_features, out_features] for MatMul.");
        if (module.bias is not { } bias)
        {
            return context.Graph.AddNode("MatMul", context.OutputName, context.Input, transposed).Output;
        }

        string product = context.Graph.AddNode("MatMul", context.Name("MatMul"), context.Input, transposed).Output;
        return context.Graph.AddNode("Add", context.OutputName, product, context.Parameter("bias", bias)).Output;
    }
}
