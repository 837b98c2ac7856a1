using GenreML.Onnx.Export;
using TorchSharp.Modules;

namespace GenreML.Onnx.Converters;

/// <summary>AvgPool2d → ONNX <c>AveragePool</c> (kernel, stride, padding, ceil_mode, count_include_pad); divisor_override is refused.</summary>
public sealed class AvgPool2dConverter : ModuleConverter<AvgPool2d>
{
    /// <inheritdoc />
    protected override string Convert(AvgPool2d module, ModuleConversionContext context)
    {
        if (module.divisor_override is not null)
        {
            throw context.Unsupported($"divisor_override = {module.divisor_override} has no ONNX equivalent.");
        }

        long[] kernel = SpatialSettings.Pair(module.kernel_size, [1, 1]);
        return context.Graph.AddNode("AveragePool", context.OutputName, context.Input)
            .Ints("kernel_shape", kernel)
            .Ints("strides", SpatialSettings.Pair(module.stride, kernel))
            .Ints("pads", SpatialSettings.SymmetricPads(SpatialSettings.Pair(module.padding, [0, 0])))
            .Int("ceil_mode", module.ceil_mode ? 1 : 0)
            .Int("count_include_pad", module.count_include_pad ? 1 : 0)
            .Output;
    }
}
