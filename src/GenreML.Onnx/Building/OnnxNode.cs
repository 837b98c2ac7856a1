using System.Text;
using GenreML.Onnx.Proto;
using Google.Protobuf;

namespace GenreML.Onnx.Building;

/// <summary>A node just added to an <see cref="OnnxGraphBuilder"/>; adds typed attributes fluently.</summary>
public sealed class OnnxNode
{
    private readonly NodeProto _proto;

    internal OnnxNode(NodeProto proto) => _proto = proto;

    /// <summary>The node's unique name.</summary>
    public string Name => _proto.Name;

    /// <summary>The node's output value names.</summary>
    public IReadOnlyList<string> Outputs => _proto.Output;

    /// <summary>The single output of a one-output node.</summary>
    public string Output => _proto.Output.Count == 1
        ? _proto.Output[0]
        : throw new InvalidOperationException($"Node '{Name}' has {_proto.Output.Count} outputs, not one.");

    /// <summary>Adds an integer attribute.</summary>
    public OnnxNode Int(string name, long value) =>
        Add(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value });

    /// <summary>Adds a float attribute.</summary>
    public OnnxNode Float(string name, float value) =>
        Add(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value });

    /// <summary>Adds a string attribute (UTF-8).</summary>
    public OnnxNode String(string name, string value) =>
        Add(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFrom(value, Encoding.UTF8) });

    /// <summary>Adds an integer-list attribute.</summary>
    public OnnxNode Ints(string name, params IEnumerable<long> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return Add(attribute);
    }

    /// <summary>Adds a float-list attribute.</summary>
    public OnnxNode Floats(string name, params IEnumerable<float> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Floats };
        attribute.Floats.AddRange(values);
        return Add(attribute);
    }

    private OnnxNode Add(AttributeProto attribute)
    {
        if (string.IsNullOrWhiteSpace(attribute.Name))
        {
            throw new ArgumentException($"Node '{Name}': attribute names must not be empty.");
        }

        if (_proto.Attribute.Any(a => a.Name == attribute.Name))
        {
            throw new ArgumentException($"Node '{Name}' already has an attribute '{attribute.Name}'.");
        }

        _proto.Attribute.Add(attribute);
        return this;
    }
}
