using GenreML.Onnx.Export;
using TorchSharp.Modules;

namespace GenreML.Onnx.Converters;

/// <summary>
/// AdaptiveAvgPool2d / AdaptiveMaxPool2d → <c>GlobalAveragePool</c> / <c>GlobalMaxPool</c> for output size (1, 1);
/// <c>ReduceMean</c> / <c>ReduceMax</c> over the last axis (kept as size 1) when only time is pooled away and the
/// frequency size is kept (works with dynamic frames); for other sizes that divide a fixed input size, the equal fixed-window <c>AveragePool</c> / <c>MaxPool</c>
/// (kernel = stride = input / output). Other cases have no exact opset-17 form and are refused.
/// </summary>
public sealed class AdaptivePool2dConverter : IModuleConverter
{
    /// <inheritdoc />
    public string Convert(ModuleConversionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (isMax, outputSize) = context.Module switch
        {
            AdaptiveAvgPool2d a => (false, a.output_size),
            AdaptiveMaxPool2d m => (true, m.output_size),
            _ => throw context.Unsupported("AdaptivePool2dConverter converts AdaptiveAvgPool2d and AdaptiveMaxPool2d only."),
        };

        if (context.InputShape.Count != 4)
        {
            throw context.Unsupported($"expects a 4-D input, got [{string.Join(", ", context.InputShape)}].");
        }

        long[] input = [context.InputShape[2], context.InputShape[3]];
        long[] output = outputSize switch
        {
            [var both] => [both, both],
            [var h, var w] => [h <= 0 ? input[0] : h, w <= 0 ? input[1] : w],
            _ => throw context.Unsupported($"output_size [{string.Join(", ", outputSize ?? [])}] is not a 2-D size."),
        };

        if (output is [1, 1])
        {
            return context.Graph.AddNode(isMax ? "GlobalMaxPool" : "GlobalAveragePool", context.OutputName, context.Input).Output;
        }

        if (output[1] == 1 && output[0] == input[0])
        {
            return context.Graph.AddNode(isMax ? "ReduceMax" : "ReduceMean", context.OutputName, context.Input)
                .Ints("axes", [3])
                .Int("keepdims", 1)
                .Output;
        }

        if (context.Options.DynamicFrames || input[0] % output[0] != 0 || input[1] % output[1] != 0)
        {
            throw context.Unsupported(
                $"output size ({output[0]}, {output[1]}) is exportable only as (1, 1) or as a divisor of a fixed input size (input ({input[0]}, {input[1]}), DynamicFrames = {context.Options.DynamicFrames}).");
        }

        long[] kernel = [input[0] / output[0], input[1] / output[1]];
        var node = context.Graph.AddNode(isMax ? "MaxPool" : "AveragePool", context.OutputName, context.Input)
            .Ints("kernel_shape", kernel)
            .Ints("strides", kernel);
        return node.Output;
    }
}
