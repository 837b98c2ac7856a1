using GenreML.Onnx.Building;
using GenreML.Onnx.Proto;
using Google.Protobuf;
using TorchSharp;

namespace GenreML.Onnx.Tests;

public sealed class OnnxGraphBuilderTests
{
    [Fact]
    public void Hand_built_graph_runs_in_ONNX_Runtime()
    {
        var graph = new OnnxGraphBuilder("axpy");
        graph.AddInput("x", OnnxElementType.Float, [OnnxDim.Symbolic("N"), OnnxDim.Fixed(3)]);
        string a = graph.AddInitializer("a", torch.tensor(new float[] { 1, 2, 3 }));
        string b = graph.AddScalar("b", 0.5f);
        string ax = graph.AddNode("Mul", "ax", "x", a).Output;
        string y = graph.AddNode("Add", "y", ax, b).Output;
        graph.AddOutput(y, OnnxElementType.Float, [OnnxDim.Symbolic("N"), OnnxDim.Fixed(3)]);

        using var runner = new OnnxRuntimeRunner(graph.Build(new OnnxModelInfo()).ToByteArray());
        var (values, shape) = runner.Run([1, 1, 1, 2, 2, 2], [2, 3], "x", "y");
        Assert.Equal([2, 3], shape);
        Assert.Equal([1.5f, 2.5f, 3.5f, 2.5f, 4.5f, 6.5f], values);
    }

    [Fact]
    public void Typed_attributes_are_written_with_their_types()
    {
        var graph = new OnnxGraphBuilder("g");
        graph.AddInput("x", OnnxElementType.Float, [OnnxDim.Fixed(1)]);
        graph.AddNode("Custom", "n", "x").Int("i", 0).Float("f", 0f).Ints("is", 1, 2).Floats("fs", 0.5f).String("s", "edge");
        graph.AddOutput("n", OnnxElementType.Float, [OnnxDim.Fixed(1)]);

        var attributes = graph.Build(new OnnxModelInfo()).Graph.Node[0].Attribute.ToDictionary(a => a.Name);
        Assert.Equal(AttributeProto.Types.AttributeType.Int, attributes["i"].Type);
        Assert.True(attributes["i"].HasI);
        Assert.Equal(AttributeProto.Types.AttributeType.Float, attributes["f"].Type);
        Assert.True(attributes["f"].HasF);
        Assert.Equal([1L, 2L], attributes["is"].Ints);
        Assert.Equal([0.5f], attributes["fs"].Floats);
        Assert.Equal("edge", attributes["s"].S.ToStringUtf8());
    }

    [Fact]
    public void Int64_initializers_keep_their_values()
    {
        var graph = new OnnxGraphBuilder("g");
        graph.AddInitializer("shape", torch.tensor(new long[] { 0, -1 }));
        var tensor = graph.AddNode("Identity", "id", "shape");
        graph.AddOutput(tensor.Output, OnnxElementType.Int64, [OnnxDim.Fixed(2)]);
        var proto = graph.Build(new OnnxModelInfo()).Graph.Initializer[0];
        Assert.Equal((int)TensorProto.Types.DataType.Int64, proto.DataType);
        Assert.Equal([0L, -1L], System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(proto.RawData.Span).ToArray());
    }

    [Fact]
    public void Bad_graphs_are_refused_with_specific_errors()
    {
        var graph = new OnnxGraphBuilder("g");
        graph.AddInput("x", OnnxElementType.Float, [OnnxDim.Fixed(1)]);
        graph.AddNode("Relu", "r", "x");

        Assert.Contains("'r'", Assert.Throws<ArgumentException>(() => graph.AddNode("Relu", "r", ["x"], ["r2"])).Message);
        Assert.Contains("'missing'", Assert.Throws<ArgumentException>(() => graph.AddNode("Relu", "q", "missing")).Message);
        Assert.Contains("'x'", Assert.Throws<ArgumentException>(() => graph.AddInitializer("x", [1f], [1])).Message);
        Assert.Contains("shape", Assert.Throws<ArgumentException>(() => graph.AddInitializer("w", [1f, 2f], [3])).Message);
        Assert.Throws<ArgumentException>(() => graph.AddInitializer("d", torch.ones(2, dtype: torch.float64)));
        Assert.Throws<ArgumentException>(() => graph.AddOutput("nope", OnnxElementType.Float, [OnnxDim.Fixed(1)]));
        Assert.Throws<ArgumentException>(() => graph.AddNode("Relu", "z", "x").Int("a", 1).Int("a", 2));
        Assert.Throws<InvalidOperationException>(() => graph.Build(new OnnxModelInfo()));
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxDim.Fixed(0));
        Assert.Throws<ArgumentException>(() => graph.AddMetadata("", "v"));
    }
}
