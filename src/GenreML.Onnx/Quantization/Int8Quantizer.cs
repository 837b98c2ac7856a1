using GenreML.Onnx.Building;
using GenreML.Onnx.Proto;

namespace GenreML.Onnx.Quantization;

/// <summary>
/// Rewrites a float model into ONNX's QDQ form for 8-bit inference: every <c>Conv</c> whose weight is an initializer
/// gets its weight as int8 (symmetric, one scale per output channel), its bias as int32 (scale = input scale × weight
/// scale) and its input through a uint8 <c>QuantizeLinear → DequantizeLinear</c> pair; the output of a <c>Relu</c> of
/// such a convolution is quantised to uint8 with zero point 0, and a <c>MaxPool</c> of such a value keeps its scale. Scales come from the
/// ranges <see cref="ActivationRanges"/> measured. ONNX Runtime fuses these patterns into <c>QLinearConv</c> and
/// uint8 <c>MaxPool</c> (the ReLU folds into the zero point), so the network runs on 8-bit kernels; everything else
/// (input normalisation, pooling head, classifier, outputs, metadata) stays as it was, in float.
/// </summary>
public static class Int8Quantizer
{
    /// <summary>The first opset with per-axis <c>DequantizeLinear</c>.</summary>
    public const long MinimumOpset = 13;

    /// <summary>The values whose ranges <see cref="Quantize"/> needs: each quantised Conv's input and the output of each ReLU of one, in graph order.</summary>
    public static IReadOnlyList<string> ValuesToMeasure(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Role[] roles = Roles(model.Graph);
        return model.Graph.Node
            .Select((node, i) => roles[i] switch { Role.Convolution => node.Input[0], Role.ReluOfConvolution => node.Output[0], _ => null })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The QDQ form of <paramref name="model"/> (a new model; <paramref name="model"/> is not changed), or an
    /// exception when it cannot be quantised.
    /// </summary>
    /// <exception cref="ArgumentException">A needed range is missing from <paramref name="ranges"/>, or the model has no convolution to quantise.</exception>
    /// <exception cref="InvalidDataException">The model's opset is below <see cref="MinimumOpset"/> or a weight is malformed.</exception>
    public static ModelProto Quantize(ModelProto model, IReadOnlyDictionary<string, ActivationRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ranges);
        long opset = model.OpsetImport.Where(o => string.IsNullOrEmpty(o.Domain)).Select(o => o.Version).DefaultIfEmpty(0).Max();
        if (opset < MinimumOpset)
        {
            throw new InvalidDataException($"the model uses opset {opset}; 8-bit quantisation needs opset {MinimumOpset} or later (per-channel DequantizeLinear)");
        }

        Role[] roles = Roles(model.Graph);
        if (!roles.Contains(Role.Convolution))
        {
            throw new ArgumentException("the model has no convolution with constant weights to quantise");
        }

        foreach (string value in ValuesToMeasure(model).Where(v => !ranges.ContainsKey(v)))
        {
            throw new ArgumentException($"no measured range for '{value}'", nameof(ranges));
        }

        ModelProto result = model.Clone();
        new Rewrite(result.Graph, roles, ranges).Run();
        return result;
    }

    /// <summary>What the rewrite does with a node.</summary>
    private enum Role
    {
        /// <summary>Left as it is (its inputs may read dequantised values).</summary>
        None,

        /// <summary>A Conv with constant weights (and bias): quantised.</summary>
        Convolution,

        /// <summary>A ReLU of a quantised convolution's output: its output is quantised with zero point 0.</summary>
        ReluOfConvolution,
    }

    /// <summary>The role of each node of <paramref name="graph"/>, in node order: the one place that decides what is quantised.</summary>
    private static Role[] Roles(GraphProto graph)
    {
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var convolved = new HashSet<string>(StringComparer.Ordinal);
        var roles = new Role[graph.Node.Count];
        for (int i = 0; i < roles.Length; i++)
        {
            NodeProto node = graph.Node[i];
            if (node.OpType == "Conv" && node.Input.Count >= 2 && initializers.TryGetValue(node.Input[1], out TensorProto? weight) && weight.Dims.Count >= 2
                && (node.Input.Count < 3 || string.IsNullOrEmpty(node.Input[2]) || initializers.ContainsKey(node.Input[2])))
            {
                roles[i] = Role.Convolution;
                convolved.Add(node.Output[0]);
            }
            else if (node.OpType == "Relu" && node.Input.Count == 1 && convolved.Contains(node.Input[0]))
            {
                roles[i] = Role.ReluOfConvolution;
            }
        }

        return roles;
    }

    /// <summary>The uint8 scale and zero point of one quantised value, and the name of its dequantised copy.</summary>
    private sealed record Quantised(float Scale, byte ZeroPoint, string Dequantised);

    private sealed class Rewrite(GraphProto graph, Role[] roles, IReadOnlyDictionary<string, ActivationRange> ranges)
    {
        private readonly Dictionary<string, TensorProto> _initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        private readonly HashSet<string> _names = graph.Node.SelectMany(n => n.Output.Append(n.Name)).Concat(graph.Initializer.Select(t => t.Name))
            .Concat(graph.Input.Select(i => i.Name)).ToHashSet(StringComparer.Ordinal);
        private readonly Dictionary<string, Quantised> _quantised = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _consumersRead = new(StringComparer.Ordinal);
        private readonly List<NodeProto> _nodes = [];
        private readonly List<TensorProto> _added = [];

        public void Run()
        {
            for (int n = 0; n < graph.Node.Count; n++)
            {
                NodeProto original = graph.Node[n];
                NodeProto node = original.Clone();
                for (int i = 0; i < node.Input.Count; i++)
                {
                    if (_consumersRead.TryGetValue(node.Input[i], out string? read))
                    {
                        node.Input[i] = read;
                    }
                }

                if (roles[n] == Role.Convolution)
                {
                    QuantiseConv(original, node);
                }

                _nodes.Add(node);
                if (roles[n] == Role.ReluOfConvolution)
                {
                    ActivationRange range = ranges[original.Output[0]];
                    QuantiseOutput(original.Output[0], Unsigned(0, range.Max));
                }
                else if (original.OpType == "MaxPool" && original.Output.Count == 1 && _quantised.TryGetValue(original.Input[0], out Quantised? input))
                {
                    QuantiseOutput(original.Output[0], (input.Scale, input.ZeroPoint));
                }
            }

            var stillRead = _nodes.SelectMany(n => n.Input).ToHashSet(StringComparer.Ordinal);
            var kept = graph.Initializer.Where(t => stillRead.Contains(t.Name)).ToList();
            graph.Initializer.Clear();
            graph.Initializer.AddRange(kept);
            graph.Initializer.AddRange(_added);
            graph.Node.Clear();
            graph.Node.AddRange(_nodes);
        }

        /// <summary>Quantise-dequantise <paramref name="value"/> right after it is made; later nodes read the dequantised copy.</summary>
        private void QuantiseOutput(string value, (float Scale, byte ZeroPoint) parameters)
        {
            Quantised q = AddPair(value, parameters);
            _quantised[value] = q;
            _consumersRead[value] = q.Dequantised;
        }

        private Quantised AddPair(string value, (float Scale, byte ZeroPoint) parameters)
        {
            string scale = AddInitializer(InitializerValues.Make(Name(value + ".scale"), OnnxElementType.Float, [parameters.Scale]));
            string zero = AddInitializer(InitializerValues.Make(Name(value + ".zero_point"), OnnxElementType.UInt8, [parameters.ZeroPoint]));
            string quantised = Name(value + "/quantized");
            string dequantised = Name(value + "/dequantized");
            _nodes.Add(Node("QuantizeLinear", quantised, [value, scale, zero], quantised));
            _nodes.Add(Node("DequantizeLinear", dequantised, [quantised, scale, zero], dequantised));
            return new Quantised(parameters.Scale, parameters.ZeroPoint, dequantised);
        }

        private void QuantiseConv(NodeProto original, NodeProto node)
        {
            string input = original.Input[0];
            if (!_quantised.TryGetValue(input, out Quantised? x))
            {
                ActivationRange range = ranges[input];
                x = AddPair(input, Unsigned(Math.Min(0, range.Min), Math.Max(0, range.Max)));
                _quantised[input] = x;
            }

            node.Input[0] = x.Dequantised;
            TensorProto weight = _initializers[original.Input[1]];
            float[] w = InitializerValues.Floats(weight);
            int channels = weight.Dims.Count > 0 ? (int)weight.Dims[0] : 0;
            if (channels <= 0 || w.Length % channels != 0)
            {
                throw new InvalidDataException($"Conv '{original.Name}': weight '{weight.Name}' has shape [{string.Join(", ", weight.Dims)}], not [out channels, …]");
            }

            int per = w.Length / channels;
            var scales = new float[channels];
            var q = new sbyte[w.Length];
            for (int c = 0; c < channels; c++)
            {
                float largest = 0;
                for (int i = c * per; i < (c + 1) * per; i++)
                {
                    largest = Math.Max(largest, Math.Abs(w[i]));
                }

                scales[c] = largest > 0 ? largest / 127f : 1f;
                for (int i = c * per; i < (c + 1) * per; i++)
                {
                    q[i] = (sbyte)Math.Clamp(MathF.Round(w[i] / scales[c], MidpointRounding.ToEven), -127, 127);
                }
            }

            node.Input[1] = DequantisedConstant(weight.Name, OnnxElementType.Int8, q, weight.Dims.ToArray(), scales, new sbyte[channels]);
            if (original.Input.Count >= 3 && !string.IsNullOrEmpty(original.Input[2]))
            {
                TensorProto biasTensor = _initializers[original.Input[2]];
                float[] bias = InitializerValues.Floats(biasTensor);
                if (bias.Length != channels)
                {
                    throw new InvalidDataException($"Conv '{original.Name}': bias '{biasTensor.Name}' has {bias.Length} values for {channels} output channels");
                }

                var biasScales = scales.Select(s => s * x.Scale).ToArray();
                var qb = new int[channels];
                for (int c = 0; c < channels; c++)
                {
                    qb[c] = (int)Math.Clamp(Math.Round(bias[c] / (double)biasScales[c], MidpointRounding.ToEven), int.MinValue + 1, int.MaxValue);
                }

                node.Input[2] = DequantisedConstant(biasTensor.Name, OnnxElementType.Int32, qb, [channels], biasScales, new int[channels]);
            }
        }

        /// <summary>An integer constant with per-channel scales and zero points, and the <c>DequantizeLinear</c> (axis 0) that reads it.</summary>
        private string DequantisedConstant<T>(string name, OnnxElementType type, T[] values, long[] dims, float[] scales, T[] zeroPoints)
            where T : unmanaged
        {
            string data = AddInitializer(InitializerValues.Make(Name(name + ".quantized"), type, values, dims));
            string scale = AddInitializer(InitializerValues.Make(Name(name + ".scale"), OnnxElementType.Float, scales, scales.Length));
            string zero = AddInitializer(InitializerValues.Make(Name(name + ".zero_point"), type, zeroPoints, zeroPoints.Length));
            string output = Name(name + "/dequantized");
            NodeProto node = Node("DequantizeLinear", output, [data, scale, zero], output);
            node.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 0 });
            _nodes.Add(node);
            return output;
        }

        private string AddInitializer(TensorProto tensor)
        {
            _added.Add(tensor);
            return tensor.Name;
        }

        /// <summary><paramref name="wanted"/>, or it with a number appended when the graph already uses it.</summary>
        private string Name(string wanted)
        {
            string name = wanted;
            for (int i = 2; !_names.Add(name); i++)
            {
                name = $"{wanted}_{i}";
            }

            return name;
        }

        private static NodeProto Node(string opType, string name, string[] inputs, string output)
        {
            var node = new NodeProto { OpType = opType, Name = name };
            node.Input.AddRange(inputs);
            node.Output.Add(output);
            return node;
        }

        /// <summary>uint8 scale and zero point covering [<paramref name="low"/>, <paramref name="high"/>] (low ≤ 0 ≤ high).</summary>
        private static (float Scale, byte ZeroPoint) Unsigned(float low, float high)
        {
            float scale = high > low ? (high - low) / 255f : 1f;
            return (scale, (byte)Math.Clamp(MathF.Round(-low / scale, MidpointRounding.ToEven), 0, 255));
        }
    }
}
