using GenreML.Onnx.Building;
using GenreML.Onnx.Proto;

namespace GenreML.Onnx.Inspection;

/// <summary>Summarises an ONNX model without running it: interface, operator set, operators, parameters, metadata.</summary>
public static class OnnxModelInspector
{
    /// <summary>Reads and summarises the model at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not an ONNX model.</exception>
    public static OnnxModelSummary Inspect(string path) => Summarise(OnnxModelFile.Read(path));

    /// <summary>Summarises serialised model bytes.</summary>
    public static OnnxModelSummary Inspect(byte[] model) => Summarise(OnnxModelFile.Parse(model));

    /// <summary>Summarises a parsed model.</summary>
    public static OnnxModelSummary Summarise(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph ?? throw new InvalidDataException("The model has no graph.");
        var initializers = graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var histogram = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            string op = string.IsNullOrEmpty(node.Domain) ? node.OpType : $"{node.Domain}.{node.OpType}";
            histogram[op] = histogram.GetValueOrDefault(op) + 1;
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in model.MetadataProps)
        {
            metadata[entry.Key] = entry.Value;
        }

        return new OnnxModelSummary
        {
            IrVersion = model.IrVersion,
            Opsets = model.OpsetImport.ToDictionary(o => o.Domain ?? "", o => o.Version, StringComparer.Ordinal),
            Producer = $"{model.ProducerName} {model.ProducerVersion}".Trim(),
            GraphName = graph.Name,
            Inputs = [.. graph.Input.Where(i => !initializers.Contains(i.Name)).Select(Describe)],
            Outputs = [.. graph.Output.Select(Describe)],
            NodeCount = graph.Node.Count,
            OperatorHistogram = histogram,
            InitializerCount = graph.Initializer.Count,
            ParameterCount = graph.Initializer.Sum(t => t.Dims.Aggregate(1L, (a, d) => a * d)),
            Metadata = metadata,
        };
    }

    private static OnnxValueSummary Describe(ValueInfoProto value)
    {
        var tensor = value.Type?.TensorType;
        string type = tensor is null ? "non-tensor" : ElementTypeName(tensor.ElemType);
        var dims = tensor?.Shape?.Dim.Select(d => d.ValueCase switch
        {
            TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue => d.DimValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam => d.DimParam,
            _ => "?",
        }).ToList() ?? [];
        return new OnnxValueSummary(value.Name, type, dims);
    }

    private static string ElementTypeName(int type) => (TensorProto.Types.DataType)type switch
    {
        TensorProto.Types.DataType.Float => "float32",
        TensorProto.Types.DataType.Double => "float64",
        TensorProto.Types.DataType.Float16 => "float16",
        TensorProto.Types.DataType.Int64 => "int64",
        TensorProto.Types.DataType.Int32 => "int32",
        TensorProto.Types.DataType.Int16 => "int16",
        TensorProto.Types.DataType.Int8 => "int8",
        TensorProto.Types.DataType.Uint8 => "uint8",
        TensorProto.Types.DataType.Uint16 => "uint16",
        TensorProto.Types.DataType.Uint32 => "uint32",
        TensorProto.Types.DataType.Uint64 => "uint64",
        TensorProto.Types.DataType.Bool => "bool",
        TensorProto.Types.DataType.String => "string",
        _ => $"type {type}",
    };
}
