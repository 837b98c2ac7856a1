using GenreML.Onnx.Export;
using TorchSharp.Modules;

namespace GenreML.Onnx.Converters;

/// <summary>
/// Flatten(start_dim, end_dim) → ONNX <c>Flatten</c> (axis 1) when it merges everything after the batch axis,
/// otherwise <c>Reshape</c> that keeps the leading axes (0 = copy), merges the range (−1) and fixes the trailing sizes.
/// </summary>
public sealed class FlattenConverter : ModuleConverter<Flatten>
{
    /// <inheritdoc />
    protected override string Convert(Flatten module, ModuleConversionContext context)
    {
        int rank = context.InputShape.Count;
        long start = module.start_dim < 0 ? module.start_dim + rank : module.start_dim;
        long end = module.end_dim < 0 ? module.end_dim + rank : module.end_dim;
        if (start < 0 || end >= rank || start > end)
        {
            throw context.Unsupported($"start_dim {module.start_dim} / end_dim {module.end_dim} do not fit an input of rank {rank}.");
        }

        if (start == end)
        {
            return context.Input;
        }

        if (start == 1 && end == rank - 1)
        {
            return context.Graph.AddNode("Flatten", context.OutputName, context.Input).Int("axis", 1).Output;
        }

        var shape = new List<long>();
        for (int i = 0; i < start; i++)
        {
            shape.Add(0);
        }

        shape.Add(-1);
        for (long i = end + 1; i < rank; i++)
        {
            shape.Add(context.InputShape[(int)i]);
        }

        return context.Graph.AddNode("Reshape", context.OutputName, context.Input, context.Int64Constant("shape", [.. shape])).Output;
    }
}
