using System.Runtime.InteropServices;
using GenreML.Onnx.Proto;
using Google.Protobuf;
using TorchSharp;
using static TorchSharp.torch;

namespace GenreML.Onnx.Building;

/// <summary>
/// Builds one ONNX graph step by step: initializers (from TorchSharp tensors or arrays), nodes with typed
/// attributes, inputs and outputs with fixed or symbolic dimensions, and metadata; then a <see cref="ModelProto"/>.
/// Names are checked as they are added: initializer, node and produced value names must each be unique.
/// </summary>
public sealed class OnnxGraphBuilder
{
    private readonly GraphProto _graph;
    private readonly HashSet<string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nodeNames = new(StringComparer.Ordinal);
    private readonly List<StringStringEntryProto> _metadata = [];

    /// <summary>Starts an empty graph.</summary>
    /// <param name="graphName">The graph's name (ONNX <c>GraphProto.name</c>).</param>
    /// <param name="docString">An optional description of the graph.</param>
    public OnnxGraphBuilder(string graphName, string? docString = null)
    {
        if (string.IsNullOrWhiteSpace(graphName))
        {
            throw new ArgumentException("The graph needs a non-empty name.", nameof(graphName));
        }

        _graph = new GraphProto { Name = graphName };
        if (!string.IsNullOrEmpty(docString))
        {
            _graph.DocString = docString;
        }
    }

    /// <summary>Nodes added so far, in order.</summary>
    public int NodeCount => _graph.Node.Count;

    /// <summary>Whether a value (input, initializer or node output) of this name exists.</summary>
    public bool HasValue(string name) => _values.Contains(name);

    /// <summary>Adds a float32 or int64 TorchSharp tensor as a constant; returns its name.</summary>
    /// <param name="name">The initializer name, e.g. <c>features.block1.conv.weight</c>.</param>
    /// <param name="tensor">A float32 or int64 tensor on any device.</param>
    /// <param name="docString">An optional description.</param>
    public string AddInitializer(string name, Tensor tensor, string? docString = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var scope = torch.NewDisposeScope();
        var dense = tensor.detach().cpu().contiguous();
        return tensor.dtype switch
        {
            ScalarType.Float32 => AddInitializer(name, dense.data<float>().ToArray(), tensor.shape, docString),
            ScalarType.Int64 => AddInitializer(name, dense.data<long>().ToArray(), tensor.shape, docString),
            _ => throw new ArgumentException($"Initializer '{name}': only float32 and int64 tensors are supported, not {tensor.dtype}.", nameof(tensor)),
        };
    }

    /// <summary>Adds a float32 constant; returns its name.</summary>
    public string AddInitializer(string name, ReadOnlySpan<float> values, IReadOnlyList<long> dims, string? docString = null) =>
        AddInitializer(name, OnnxElementType.Float, MemoryMarshal.AsBytes(values), values.Length, dims, docString);

    /// <summary>Adds an int64 constant; returns its name.</summary>
    public string AddInitializer(string name, ReadOnlySpan<long> values, IReadOnlyList<long> dims, string? docString = null) =>
        AddInitializer(name, OnnxElementType.Int64, MemoryMarshal.AsBytes(values), values.Length, dims, docString);

    /// <summary>Adds a float32 scalar constant; returns its name.</summary>
    public string AddScalar(string name, float value, string? docString = null) =>
        AddInitializer(name, [value], [], docString);

    /// <summary>Adds a node; returns it so that attributes can be added.</summary>
    /// <param name="opType">The ONNX operator, e.g. <c>Conv</c>.</param>
    /// <param name="name">The unique node name.</param>
    /// <param name="inputs">Existing value names; an empty string marks an omitted optional input.</param>
    /// <param name="outputs">New, unique value names.</param>
    /// <param name="docString">An optional description.</param>
    public OnnxNode AddNode(string opType, string name, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, string? docString = null)
    {
        if (string.IsNullOrWhiteSpace(opType))
        {
            throw new ArgumentException($"Node '{name}': the operator type must not be empty.", nameof(opType));
        }

        if (string.IsNullOrWhiteSpace(name) || !_nodeNames.Add(name))
        {
            throw new ArgumentException($"Node names must be unique and non-empty: '{name}'.", nameof(name));
        }

        foreach (var input in inputs.Where(i => i.Length > 0 && !_values.Contains(i)))
        {
            throw new ArgumentException($"Node '{name}' ({opType}) reads '{input}', which no input, initializer or earlier node provides.", nameof(inputs));
        }

        foreach (var output in outputs)
        {
            DeclareValue(output, $"node '{name}'");
        }

        var node = new NodeProto { Name = name, OpType = opType };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        if (!string.IsNullOrEmpty(docString))
        {
            node.DocString = docString;
        }

        _graph.Node.Add(node);
        return new OnnxNode(node);
    }

    /// <summary>Adds a one-output node whose output is named after the node.</summary>
    public OnnxNode AddNode(string opType, string name, params IReadOnlyList<string> inputs) =>
        AddNode(opType, name, inputs, [name]);

    /// <summary>
    /// Copies the initializers and nodes of <paramref name="other"/> into this graph, renaming the values in
    /// <paramref name="renames"/> wherever they are read or produced: map <paramref name="other"/>'s graph inputs to values
    /// this graph already has, and its outputs to the names they should have here. Its graph inputs, outputs and value
    /// infos are not copied; declare the outputs with <see cref="AddOutput"/>. Clashing names throw as when added one by one.
    /// </summary>
    public void Import(GraphProto other, IReadOnlyDictionary<string, string> renames)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(renames);
        string Rename(string name) => renames.TryGetValue(name, out string? renamed) ? renamed : name;
        foreach (TensorProto initializer in other.Initializer)
        {
            DeclareValue(Rename(initializer.Name), "an imported initializer");
            TensorProto copy = initializer.Clone();
            copy.Name = Rename(initializer.Name);
            _graph.Initializer.Add(copy);
        }

        for (int i = 0; i < other.Node.Count; i++)
        {
            NodeProto node = other.Node[i];
            string name = node.Name.Length > 0 ? node.Name : $"imported/{node.OpType}_{i}";
            AddNode(node.OpType, name, [.. node.Input.Select(v => v.Length == 0 ? v : Rename(v))], [.. node.Output.Select(Rename)], node.DocString);
            NodeProto added = _graph.Node[^1];
            added.Domain = node.Domain;
            added.Attribute.AddRange(node.Attribute.Select(a => a.Clone()));
        }
    }

    /// <summary>Declares a graph input.</summary>
    public string AddInput(string name, OnnxElementType type, IReadOnlyList<OnnxDim> dims, string? docString = null)
    {
        DeclareValue(name, "a graph input");
        _graph.Input.Add(ValueInfo(name, type, dims, docString));
        return name;
    }

    /// <summary>Declares a graph output; <paramref name="name"/> must already be produced by a node.</summary>
    public void AddOutput(string name, OnnxElementType type, IReadOnlyList<OnnxDim> dims, string? docString = null)
    {
        if (!_values.Contains(name))
        {
            throw new ArgumentException($"Graph output '{name}' is not produced by any node, input or initializer.", nameof(name));
        }

        if (_graph.Output.Any(o => o.Name == name))
        {
            throw new ArgumentException($"Graph output '{name}' is declared twice.", nameof(name));
        }

        _graph.Output.Add(ValueInfo(name, type, dims, docString));
    }

    /// <summary>Adds a metadata entry (ONNX <c>metadata_props</c>); keys must be unique.</summary>
    public void AddMetadata(string key, string value)
    {
        if (string.IsNullOrEmpty(key) || _metadata.Any(m => m.Key == key))
        {
            throw new ArgumentException($"Metadata keys must be unique and non-empty: '{key}'.", nameof(key));
        }

        ArgumentNullException.ThrowIfNull(value);
        _metadata.Add(new StringStringEntryProto { Key = key, Value = value });
    }

    /// <summary>
    /// Renames the output of the node that produced <paramref name="from"/> (e.g. to the contract name <c>logits</c>).
    /// Only values produced by a node and not yet read by another node can be renamed.
    /// </summary>
    public bool TryRenameNodeOutput(string from, string to)
    {
        var producer = _graph.Node.LastOrDefault(n => n.Output.Contains(from));
        if (producer is null || _graph.Node.Any(n => n.Input.Contains(from)) || _values.Contains(to))
        {
            return false;
        }

        producer.Output[producer.Output.IndexOf(from)] = to;
        _values.Remove(from);
        _values.Add(to);
        return true;
    }

    /// <summary>Builds the model: graph, operator set, IR version, producer and metadata.</summary>
    public ModelProto Build(OnnxModelInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (_graph.Output.Count == 0)
        {
            throw new InvalidOperationException($"Graph '{_graph.Name}' has no outputs.");
        }

        var model = new ModelProto
        {
            IrVersion = info.IrVersion,
            ProducerName = info.ProducerName,
            ProducerVersion = info.ProducerVersion,
            ModelVersion = info.ModelVersion,
            Graph = _graph.Clone(),
        };
        if (!string.IsNullOrEmpty(info.DocString))
        {
            model.DocString = info.DocString;
        }

        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = info.Opset });
        model.MetadataProps.AddRange(_metadata.Select(m => m.Clone()));
        return model;
    }

    private string AddInitializer(string name, OnnxElementType type, ReadOnlySpan<byte> bytes, int count, IReadOnlyList<long> dims, string? docString)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; this machine is not.");
        }

        long expected = dims.Aggregate(1L, (a, d) => a * d);
        if (expected != count)
        {
            throw new ArgumentException($"Initializer '{name}': {count} values do not fill shape [{string.Join(", ", dims)}].");
        }

        DeclareValue(name, "an initializer");
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.AddRange(dims);
        if (!string.IsNullOrEmpty(docString))
        {
            tensor.DocString = docString;
        }

        _graph.Initializer.Add(tensor);
        return name;
    }

    private void DeclareValue(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"Value names must not be empty ({what}).");
        }

        if (!_values.Add(name))
        {
            throw new ArgumentException($"Value name '{name}' ({what}) is already used in graph '{_graph.Name}'.");
        }
    }

    private static ValueInfoProto ValueInfo(string name, OnnxElementType type, IReadOnlyList<OnnxDim> dims, string? docString)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim.Value is { } value
                ? new TensorShapeProto.Types.Dimension { DimValue = value }
                : new TensorShapeProto.Types.Dimension { DimParam = dim.Symbol });
        }

        var info = new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
        if (!string.IsNullOrEmpty(docString))
        {
            info.DocString = docString;
        }

        return info;
    }
}
