using GenreML.Onnx.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenreML.Onnx.Converters;

/// <summary>
/// BatchNorm1d/2d in eval mode → ONNX <c>BatchNormalization</c> with the running statistics. A BatchNorm without
/// running statistics normalises with batch statistics even in eval mode, which an inference graph cannot reproduce.
/// </summary>
public sealed class BatchNormConverter : ModuleConverter<NormBase>
{
    /// <inheritdoc />
    protected override string Convert(NormBase module, ModuleConversionContext context)
    {
        if (!module.track_running_stats || module.running_mean is null || module.running_var is null)
        {
            throw context.Unsupported("it has no running statistics (track_running_stats = false), so its eval-mode output depends on the batch.");
        }

        long features = module.num_features;
        string scale = module.weight is { } w
            ? context.Parameter("weight", w)
            : context.Graph.AddInitializer(context.Name("unit_scale"), Enumerable.Repeat(1f, (int)features).ToArray(), [features]);
        string bias = module.bias is { } b
            ? context.Parameter("bias", b)
            : context.Graph.AddInitializer(context.Name("zero_bias"), new float[features], [features]);
        string mean = context.Parameter("running_mean", module.running_mean);
        string variance = context.Parameter("running_var", module.running_var);

        context.Graph.AddNode("BatchNormalization", context.OutputName, [context.Input, scale, bias, mean, variance], [context.OutputName])
            .Float("epsilon", (float)module.eps);
        return context.OutputName;
    }
}
