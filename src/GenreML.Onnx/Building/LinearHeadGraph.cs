using System.Runtime.InteropServices;
using GenreML.Onnx.Proto;
using Google.Protobuf;

namespace GenreML.Onnx.Building;

/// <summary>
/// Makes one self-contained model from a base model and a new linear head: the base network up to its pooled
/// features (the value its <c>embedding</c> output shows), then <c>Gemm(transB = 1)</c> with the head's weights →
/// <c>logits</c> → <c>Softmax</c> → <c>probabilities</c>. The base's classifier and everything after it are dropped;
/// the input, the <c>embedding</c> output and the metadata stay (the caller replaces the card).
/// </summary>
public static class LinearHeadGraph
{
    /// <summary>Node and initializer name prefix of the new head.</summary>
    public const string HeadName = "user_head";

    /// <summary>
    /// The base model with its classifier replaced by W (<paramref name="weights"/>, row-major <c>[classes, D]</c>) and
    /// b (<paramref name="biases"/>). The base is not modified.
    /// </summary>
    /// <exception cref="InvalidDataException">The base has no embedding output, is a clip-level model, or its features are not D wide.</exception>
    public static ModelProto Replace(ModelProto baseModel, string source, float[] weights, float[] biases,
        string logitsName = "logits", string probabilitiesName = "probabilities", string embeddingName = "embedding")
    {
        ArgumentNullException.ThrowIfNull(baseModel);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(biases);
        int classes = biases.Length;
        if (classes < 2 || weights.Length % classes != 0)
        {
            throw new ArgumentException($"{weights.Length} weights do not make a [{classes}, D] matrix for {classes} classes", nameof(weights));
        }

        ModelProto model = baseModel.Clone();
        GraphProto graph = model.Graph;
        ValueInfoProto embedding = graph.Output.FirstOrDefault(o => o.Name == embeddingName)
            ?? throw new InvalidDataException($"{source}: the base model has no '{embeddingName}' output; export it again with this version of GenreML");
        if (OnnxMetadata.Get(model, FrontEnd.ClipLevelModel.InputKindMetadataKey) is not null)
        {
            throw new InvalidDataException($"{source}: a clip-level (waveform) model cannot be a base; use the window-level model.onnx of the run");
        }

        if (EmbeddingOutput.FindPooledFeatures(graph, logitsName, out string reason) is not var (pooled, width))
        {
            throw new InvalidDataException($"{source}: {reason}");
        }

        if (weights.Length != classes * width)
        {
            throw new InvalidDataException($"{source}: the base's embedding has {width} values, the head reads {weights.Length / classes}");
        }

        KeepOnlyWhatMakes(graph, embeddingName);
        var batch = embedding.Type.TensorType.Shape.Dim[0].Clone();
        graph.Output.Clear();

        graph.Initializer.Add(InitializerValues.Make($"{HeadName}.weight", OnnxElementType.Float, weights, classes, width));
        graph.Initializer.Add(InitializerValues.Make($"{HeadName}.bias", OnnxElementType.Float, biases, classes));
        var gemm = new NodeProto { Name = HeadName, OpType = "Gemm", DocString = "The head trained by ML.NET on the base's embeddings." };
        gemm.Input.AddRange([pooled, $"{HeadName}.weight", $"{HeadName}.bias"]);
        gemm.Output.Add(logitsName);
        gemm.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        var softmax = new NodeProto { Name = probabilitiesName, OpType = "Softmax" };
        softmax.Input.Add(logitsName);
        softmax.Output.Add(probabilitiesName);
        softmax.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = -1 });
        graph.Node.Add(gemm);
        graph.Node.Add(softmax);

        graph.Output.Add(Output(logitsName, batch, classes, "Unnormalised scores of the user's labels."));
        graph.Output.Add(Output(probabilitiesName, batch, classes, "Softmax of the logits: the probabilities of the user's labels."));
        graph.Output.Add(embedding);
        return model;
    }

    private static void KeepOnlyWhatMakes(GraphProto graph, string value)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal) { value };
        var kept = new List<NodeProto>();
        foreach (NodeProto node in graph.Node.Reverse())
        {
            if (node.Output.Any(needed.Contains))
            {
                kept.Add(node);
                needed.UnionWith(node.Input);
            }
        }

        kept.Reverse();
        graph.Node.Clear();
        graph.Node.AddRange(kept);
        var initializers = graph.Initializer.Where(t => needed.Contains(t.Name)).ToList();
        graph.Initializer.Clear();
        graph.Initializer.AddRange(initializers);
        var infos = graph.ValueInfo.Where(v => needed.Contains(v.Name)).ToList();
        graph.ValueInfo.Clear();
        graph.ValueInfo.AddRange(infos);
    }

    private static ValueInfoProto Output(string name, TensorShapeProto.Types.Dimension batch, int classes, string doc)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(batch.Clone());
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = classes });
        return new ValueInfoProto
        {
            Name = name,
            DocString = doc,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)OnnxElementType.Float, Shape = shape } },
        };
    }
}
