using GenreML.Onnx.Export;
using TorchSharp.Modules;

namespace GenreML.Onnx.Converters;

/// <summary>MaxPool2d → ONNX <c>MaxPool</c> (kernel, stride defaulting to the kernel, padding, dilation, ceil_mode).</summary>
public sealed class MaxPool2dConverter : ModuleConverter<MaxPool2d>
{
    /// <inheritdoc />
    protected override string Convert(MaxPool2d module, ModuleConversionContext context)
    {
        long[] kernel = SpatialSettings.Pair(module.kernel_size, [1, 1]);
        return context.Graph.AddNode("MaxPool", context.OutputName, context.Input)
            .Ints("kernel_shape", kernel)
            .Ints("strides", SpatialSettings.Pair(module.stride, kernel))
            .Ints("pads", SpatialSettings.SymmetricPads(SpatialSettings.Pair(module.padding, [0, 0])))
            .Ints("dilations", SpatialSettings.Pair(module.dilation, [1, 1]))
            .Int("ceil_mode", module.ceil_mode ? 1 : 0)
            .Output;
    }
}
