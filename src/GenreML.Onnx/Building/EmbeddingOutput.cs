using GenreML.Onnx.Proto;

namespace GenreML.Onnx.Building;

/// <summary>
/// The <c>embedding</c> output of a GenreML model: the pooled features that the final Linear layer (a <c>Gemm</c>
/// with <c>transB = 1</c>) turns into the logits. Added to a finished graph without touching its other nodes or
/// outputs: an <c>Identity</c> of the Gemm's input (<c>[N, D]</c>); in a clip-level model, whose windows form the
/// batch, the mean over the windows (<c>[1, D]</c>, the clip's embedding).
/// </summary>
public static class EmbeddingOutput
{
    /// <summary>
    /// The value the logits' Gemm reads and its width D, or null with the reason when the logits do not come from a
    /// Gemm on a 2-D input (identity nodes between the Gemm and the logits are followed).
    /// </summary>
    public static (string Value, long Width)? FindPooledFeatures(GraphProto graph, string logitsName, out string reason)
    {
        ArgumentNullException.ThrowIfNull(graph);
        string value = logitsName;
        NodeProto? producer = Producer(graph, value);
        while (producer is { OpType: "Identity" })
        {
            value = producer.Input[0];
            producer = Producer(graph, value);
        }

        if (producer is null || producer.OpType != "Gemm")
        {
            reason = $"'{logitsName}' is produced by {(producer is null ? "no node" : $"a {producer.OpType} node")}, not by the Gemm of a final Linear layer";
            return null;
        }

        bool transB = producer.Attribute.Any(a => a.Name == "transB" && a.I == 1);
        TensorProto? weight = graph.Initializer.FirstOrDefault(t => t.Name == producer.Input[1]);
        if (!transB || weight is null || weight.Dims.Count != 2)
        {
            reason = $"the Gemm '{producer.Name}' that makes '{logitsName}' has no constant [classes, features] weight with transB = 1";
            return null;
        }

        reason = "";
        return (producer.Input[0], weight.Dims[1]);
    }

    /// <summary>
    /// Adds the output <paramref name="embeddingName"/> to <paramref name="model"/>. Returns false with the reason
    /// (nothing changed) when the logits do not come from a final Linear layer.
    /// </summary>
    /// <param name="model">The model to extend in place.</param>
    /// <param name="logitsName">The logits output.</param>
    /// <param name="embeddingName">The new output's name, e.g. <c>embedding</c>.</param>
    /// <param name="clipLevel">Whether the model's batch axis holds the windows of one clip (then the output is their mean).</param>
    /// <param name="reason">Why no output was added.</param>
    /// <exception cref="ArgumentException">A value named <paramref name="embeddingName"/> exists already.</exception>
    public static bool TryAdd(ModelProto model, string logitsName, string embeddingName, bool clipLevel, out string reason)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(embeddingName);
        GraphProto graph = model.Graph;
        if (graph.Node.Any(n => n.Output.Contains(embeddingName)) || graph.Input.Any(i => i.Name == embeddingName)
            || graph.Initializer.Any(i => i.Name == embeddingName))
        {
            throw new ArgumentException($"the graph already has a value named '{embeddingName}'", nameof(embeddingName));
        }

        if (FindPooledFeatures(graph, logitsName, out reason) is not var (pooled, width))
        {
            return false;
        }

        var node = new NodeProto { Name = embeddingName, OpType = clipLevel ? "ReduceMean" : "Identity" };
        node.Input.Add(pooled);
        node.Output.Add(embeddingName);
        if (clipLevel)
        {
            var axes = new AttributeProto { Name = "axes", Type = AttributeProto.Types.AttributeType.Ints };
            axes.Ints.Add(0);
            node.Attribute.Add(axes);
            node.Attribute.Add(new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        }

        graph.Node.Add(node);
        var batch = graph.Output.FirstOrDefault(o => o.Name == logitsName)?.Type?.TensorType?.Shape?.Dim.FirstOrDefault()?.Clone()
            ?? new TensorShapeProto.Types.Dimension { DimParam = "N" };
        var shape = new TensorShapeProto();
        shape.Dim.Add(clipLevel ? new TensorShapeProto.Types.Dimension { DimValue = 1 } : batch);
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        graph.Output.Add(new ValueInfoProto
        {
            Name = embeddingName,
            DocString = clipLevel
                ? "The clip's embedding: the mean over its windows of the pooled features the classifier layer reads."
                : "The pooled features the classifier layer reads (one row per window).",
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)OnnxElementType.Float, Shape = shape } },
        });
        return true;
    }

    private static NodeProto? Producer(GraphProto graph, string value) => graph.Node.LastOrDefault(n => n.Output.Contains(value));
}
