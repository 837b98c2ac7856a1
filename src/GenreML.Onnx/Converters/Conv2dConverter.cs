using GenreML.Onnx.Export;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenreML.Onnx.Converters;

/// <summary>
/// Conv2d → ONNX <c>Conv</c> (stride, padding including <c>Padding.Same/Valid</c>, dilation, groups, optional bias).
/// Reflect and replicate padding modes become a <c>Pad</c> node (mode <c>reflect</c> / <c>edge</c>) before the
/// convolution; circular padding has no opset-17 equivalent and is refused.
/// </summary>
public sealed class Conv2dConverter : ModuleConverter<Conv2d>
{
    /// <inheritdoc />
    protected override string Convert(Conv2d module, ModuleConversionContext context)
    {
        string weight = context.Parameter("weight", module.weight!);
        string? bias = module.bias is null ? null : context.Parameter("bias", module.bias);
        return Emit(module, context, weight, bias, docString: null);
    }

    /// <summary>
    /// Emits <paramref name="conv"/> with <paramref name="batchNorm"/> (eval mode, running statistics) folded into its
    /// weight and bias: w' = w·γ/√(σ²+ε), b' = (b − μ)·γ/√(σ²+ε) + β, computed in float64.
    /// </summary>
    internal static string ConvertFolded(Conv2d conv, BatchNorm2d batchNorm, string batchNormPath, ModuleConversionContext context)
    {
        using var scope = torch.NewDisposeScope();
        var mean = batchNorm.running_mean!.detach().to(float64);
        var variance = batchNorm.running_var!.detach().to(float64);
        var gamma = batchNorm.weight is { } w ? w.detach().to(float64) : torch.ones_like(mean);
        var beta = batchNorm.bias is { } b ? b.detach().to(float64) : torch.zeros_like(mean);
        var scale = gamma / torch.sqrt(variance + batchNorm.eps);
        var weight = conv.weight!.detach().to(float64) * scale.reshape(-1, 1, 1, 1);
        var bias = conv.bias is { } cb ? cb.detach().to(float64) : torch.zeros_like(mean);
        var foldedBias = (bias - mean) * scale + beta;

        string doc = $"Folded with BatchNorm {batchNormPath}.";
        string weightName = context.Parameter("weight", weight.to(float32), doc);
        string biasName = context.Parameter("bias", foldedBias.to(float32), doc);
        return Emit(conv, context, weightName, biasName, doc);
    }

    private static string Emit(Conv2d conv, ModuleConversionContext context, string weight, string? bias, string? docString)
    {
        if (conv.transposed)
        {
            throw context.Unsupported("transposed convolutions are not supported.");
        }

        long[] kernel = SpatialSettings.Pair(conv.kernel_size, [1, 1]);
        long[] stride = SpatialSettings.Pair(conv.stride, [1, 1]);
        long[] dilation = SpatialSettings.Pair(conv.dilation, [1, 1]);
        long[] pads = Pads(conv, context, kernel, dilation);

        string input = context.Input;
        if (conv.padding_mode != PaddingModes.Zeros && pads.Any(p => p != 0))
        {
            string mode = conv.padding_mode switch
            {
                PaddingModes.Reflect => "reflect",
                PaddingModes.Replicate => "edge",
                _ => throw context.Unsupported($"padding_mode {conv.padding_mode} has no ONNX opset-17 equivalent (zeros, reflect and replicate are supported)."),
            };
            string padValues = context.Int64Constant("pads", 0, 0, pads[0], pads[1], 0, 0, pads[2], pads[3]);
            input = context.Graph.AddNode("Pad", context.Name("Pad"), input, padValues).String("mode", mode).Output;
            pads = [0, 0, 0, 0];
        }

        IReadOnlyList<string> inputs = bias is null ? [input, weight] : [input, weight, bias];
        context.Graph.AddNode("Conv", context.OutputName, inputs, [context.OutputName], docString)
            .Ints("kernel_shape", kernel)
            .Ints("strides", stride)
            .Ints("pads", pads)
            .Ints("dilations", dilation)
            .Int("group", conv.groups);
        return context.OutputName;
    }

    private static long[] Pads(Conv2d conv, ModuleConversionContext context, long[] kernel, long[] dilation)
    {
        switch (conv.padding_type)
        {
            case Padding.Valid:
                return [0, 0, 0, 0];
            case Padding.Same:
                long totalH = dilation[0] * (kernel[0] - 1), totalW = dilation[1] * (kernel[1] - 1);
                return [totalH / 2, totalW / 2, totalH - (totalH / 2), totalW - (totalW / 2)];
            case null:
                return SpatialSettings.SymmetricPads(SpatialSettings.Pair(conv.padding, [0, 0]));
            default:
                throw context.Unsupported($"padding type {conv.padding_type} is not supported.");
        }
    }
}
