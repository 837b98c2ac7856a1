using System.Runtime.InteropServices;
using GenreML.Onnx.Building;
using GenreML.Onnx.Converters;
using GenreML.Onnx.FrontEnd;
using GenreML.Onnx.Proto;
using Google.Protobuf;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenreML.Onnx.Export;

/// <summary>
/// Exports a TorchSharp network to ONNX (opset 17) by walking its module tree: each module is converted by the
/// converter registered for its type, containers are exported as the chain of their children, and initializers are
/// named after the module-tree parameters (e.g. <c>features.block1.conv.weight</c>).
/// </summary>
public static class OnnxExporter
{
    /// <summary>Batch size of the example tensor that traces shapes through the network.</summary>
    private const int ProbeBatch = 2;

    /// <summary>Exports <paramref name="model"/> and writes it atomically to <paramref name="path"/>.</summary>
    /// <exception cref="OnnxExportException">A module cannot be exported exactly, or the verification failed.</exception>
    public static void Export(nn.Module<Tensor, Tensor> model, string path, OnnxExportOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        OnnxModelFile.WriteBytes(ExportToBytes(model, options), path);
    }

    /// <summary>Exports <paramref name="model"/> to serialised ONNX bytes.</summary>
    public static byte[] ExportToBytes(nn.Module<Tensor, Tensor> model, OnnxExportOptions options) =>
        ExportToModel(model, options).ToByteArray();

    /// <summary>
    /// Exports <paramref name="model"/> to an ONNX <see cref="ModelProto"/>. The model is switched to eval mode for the
    /// export and every module's training flag is restored afterwards.
    /// </summary>
    public static ModelProto ExportToModel(nn.Module<Tensor, Tensor> model, OnnxExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var modes = model.modules().Select(m => (Module: m, m.training)).Prepend((Module: (nn.Module)model, model.training)).ToList();
        model.eval();
        try
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var proto = BuildModel(model, options);
            if (options.Verify)
            {
                ExportVerifier.Verify(model, proto.ToByteArray(), options);
            }

            return proto;
        }
        finally
        {
            foreach (var (module, training) in modes)
            {
                module.train(training);
            }
        }
    }

    private static ModelProto BuildModel(nn.Module<Tensor, Tensor> model, OnnxExportOptions options)
    {
        var graph = new OnnxGraphBuilder(options.GraphName, $"Exported from {model.GetType().FullName} by GenreML.");
        string value;
        if (options.IsClipLevel)
        {
            var frontEndOptions = options.WaveformFrontEnd!;
            value = graph.AddInput(options.WaveformInputName, OnnxElementType.Float, [OnnxDim.Fixed(1), OnnxDim.Symbolic(options.SamplesSymbol)],
                $"One whole clip: mono waveform at {frontEndOptions.SampleRate} Hz, batch 1. The log-Mel front end and the windowing run inside the graph.");
            value = WaveformFrontEndGraph.Append(graph, value, frontEndOptions);
            value = ClipWindowsGraph.Append(graph, value, options.Frames, options.ClipWindowHop!.Value);
        }
        else if (options.WaveformFrontEnd is { } frontEnd)
        {
            var samples = options.DynamicFrames
                ? OnnxDim.Symbolic(options.SamplesSymbol)
                : OnnxDim.Fixed(WaveformFrontEndGraph.SampleCount(frontEnd, options.Frames));
            value = graph.AddInput(options.WaveformInputName, OnnxElementType.Float, [OnnxDim.Symbolic(options.BatchSymbol), samples],
                $"Mono waveform at {frontEnd.SampleRate} Hz; the log-Mel front end runs inside the graph.");
            value = WaveformFrontEndGraph.Append(graph, value, frontEnd);
        }
        else
        {
            var timeDim = options.DynamicFrames ? OnnxDim.Symbolic(options.FramesSymbol) : OnnxDim.Fixed(options.Frames);
            value = graph.AddInput(
                options.InputName,
                OnnxElementType.Float,
                [OnnxDim.Symbolic(options.BatchSymbol), OnnxDim.Fixed(options.Channels), OnnxDim.Fixed(options.MelBands), timeDim],
                options.NormalizationMean.HasValue ? "Raw log-Mel (dB); normalised inside the graph." : "Log-Mel features.");
        }

        if (options.NormalizationMean is { } mean && options.NormalizationStd is { } std)
        {
            string meanName = graph.AddScalar("input_normalization.mean", mean, "Mean subtracted from the raw input.");
            string stdName = graph.AddScalar("input_normalization.std", std, "Standard deviation the centred input is divided by.");
            value = graph.AddNode("Sub", "input_normalization/Sub", value, meanName).Output;
            value = graph.AddNode("Div", "input_normalization/Div", value, stdName).Output;
        }

        var walker = new ModuleTreeWalker(graph, options);
        var probe = torch.zeros([ProbeBatch, options.Channels, options.MelBands, options.Frames]);
        var (output, outputProbe) = walker.Convert(model, "", value, probe);

        string logits = options.LogitsName;
        if (!graph.TryRenameNodeOutput(output, logits))
        {
            graph.AddNode("Identity", logits, output);
        }

        long[] outShape = outputProbe.shape;
        if (outShape.Length < 2 || outShape[0] != ProbeBatch)
        {
            throw new OnnxExportException(
                $"{model.GetType().FullName} maps a batch of {ProbeBatch} to an output of shape [{string.Join(", ", outShape)}]; the output must be [batch, classes, ...] with the batch axis kept first.");
        }

        if (options.IsClipLevel)
        {
            AddClipOutputs(graph, logits, outShape, options);
        }
        else
        {
            var outDims = outShape.Select((d, i) => i == 0 ? OnnxDim.Symbolic(options.BatchSymbol) : OnnxDim.Fixed(d)).ToList();
            graph.AddOutput(logits, OnnxElementType.Float, outDims, "Unnormalised class scores.");
            graph.AddNode("Softmax", options.ProbabilitiesName, [logits], [options.ProbabilitiesName]).Int("axis", -1);
            graph.AddOutput(options.ProbabilitiesName, OnnxElementType.Float, outDims, "Softmax of the logits over the last axis.");
        }

        foreach (var (key, entry) in options.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            graph.AddMetadata(key, entry);
        }

        if (options.IsClipLevel)
        {
            graph.AddMetadata(ClipLevelModel.InputKindMetadataKey, ClipLevelModel.WaveformInputKind);
        }

        return graph.Build(new OnnxModelInfo { ModelVersion = options.ModelVersion, DocString = options.DocString });
    }

    private static void AddClipOutputs(OnnxGraphBuilder graph, string logits, long[] outShape, OnnxExportOptions options)
    {
        if (outShape.Length != 2)
        {
            throw new OnnxExportException(
                $"A clip-level model averages class probabilities over windows, so the network must output [batch, classes]; it outputs [{string.Join(", ", outShape)}] for a batch of {ProbeBatch}.");
        }

        var windowDims = new[] { OnnxDim.Symbolic(ClipWindowsGraph.WindowsSymbol), OnnxDim.Fixed(outShape[1]) };
        graph.AddOutput(logits, OnnxElementType.Float, windowDims, "Unnormalised class scores of each window of the clip.");
        string windows = options.WindowProbabilitiesName;
        graph.AddNode("Softmax", windows, [logits], [windows]).Int("axis", -1);
        graph.AddOutput(windows, OnnxElementType.Float, windowDims, "Softmax of each window's logits.");
        graph.AddNode("ReduceMean", options.ProbabilitiesName, [windows], [options.ProbabilitiesName]).Ints("axes", 0).Int("keepdims", 1);
        graph.AddOutput(options.ProbabilitiesName, OnnxElementType.Float, [OnnxDim.Fixed(1), OnnxDim.Fixed(outShape[1])],
            "The clip's class probabilities: the mean of the window probabilities.");
    }

    /// <summary>Walks the module tree, dispatching to converters and tracing shapes with an example tensor.</summary>
    private sealed class ModuleTreeWalker(OnnxGraphBuilder graph, OnnxExportOptions options)
    {
        public (string Output, Tensor Probe) Convert(nn.Module module, string path, string input, Tensor probe)
        {
            if (module is IProbabilityEnsemble ensemble)
            {
                return ConvertEnsemble(ensemble, module, path, input, probe);
            }

            var registry = options.Converters;
            if (registry.TryGetConverter(module.GetType(), out var converter))
            {
                var callable = module as nn.Module<Tensor, Tensor>
                    ?? throw new OnnxExportException(path, module.GetType(), "has a converter but is not a Module<Tensor, Tensor>.");
                string output = converter.Convert(new ModuleConversionContext(graph, options, module, path, input, probe.shape));
                return (output, Forward(callable, path, probe));
            }

            var children = module.named_children().ToList();
            bool walk = registry.IsContainer(module.GetType()) || path.Length == 0 || options.WalkUnregisteredContainers;
            if (children.Count == 0 || !walk)
            {
                throw new OnnxExportException(path, module.GetType(), children.Count == 0
                    ? "no ONNX converter is registered for this module type; register one in a ModuleConverterRegistry (OnnxExportOptions.Converters)."
                    : "no ONNX converter is registered for this module type and it is not a registered container (WalkUnregisteredContainers is off).");
            }

            return ConvertChain(path, children, input, probe);
        }

        /// <summary>Each member from the same input, its softmax, the mean of the softmaxes and its log.</summary>
        private (string Output, Tensor Probe) ConvertEnsemble(IProbabilityEnsemble ensemble, nn.Module module, string path, string input, Tensor probe)
        {
            var members = ensemble.Members;
            if (members.Count == 0)
            {
                throw new OnnxExportException(path, module.GetType(), "is an ensemble without members.");
            }

            string prefix = path.Length == 0 ? "members" : $"{path}.members";
            var softmaxes = new List<string>(members.Count);
            for (int i = 0; i < members.Count; i++)
            {
                string memberPath = $"{prefix}.{i}";
                var (output, memberProbe) = Convert(members[i], memberPath, input, probe);
                if (memberProbe.shape.Length != 2)
                {
                    throw new OnnxExportException(memberPath, members[i].GetType(),
                        $"is an ensemble member whose output has shape [{string.Join(", ", memberProbe.shape)}]; members must output [batch, classes].");
                }

                softmaxes.Add(graph.AddNode("Softmax", $"{memberPath}/Softmax", output).Int("axis", 1).Output);
            }

            string name = path.Length == 0 ? "ensemble" : path;
            string sum = softmaxes.Count == 1 ? softmaxes[0] : graph.AddNode("Sum", $"{name}/Sum", [.. softmaxes], [$"{name}/Sum"]).Output;
            string scale = graph.AddScalar($"{name}/scale", 1f / members.Count, "1 / members: the sum of the member probabilities becomes their mean.");
            string mean = graph.AddNode("Mul", $"{name}/Mean", sum, scale).Output;
            string log = graph.AddNode("Log", $"{name}/Log", mean).Output;
            return (log, Forward((nn.Module<Tensor, Tensor>)module, path, probe));
        }

        private (string Output, Tensor Probe) ConvertChain(string path, List<(string Name, nn.Module Module)> children, string input, Tensor probe)
        {
            string value = input;
            for (int i = 0; i < children.Count; i++)
            {
                var (name, child) = children[i];
                string childPath = path.Length == 0 ? name : $"{path}.{name}";
                if (i + 1 < children.Count && CanFold(child, children[i + 1].Module) is { } pair)
                {
                    string bnPath = path.Length == 0 ? children[i + 1].Name : $"{path}.{children[i + 1].Name}";
                    var context = new ModuleConversionContext(graph, options, child, childPath, value, probe.shape);
                    value = Conv2dConverter.ConvertFolded(pair.Conv, pair.BatchNorm, bnPath, context);
                    probe = Forward(pair.BatchNorm, bnPath, Forward(pair.Conv, childPath, probe));
                    i++;
                    continue;
                }

                (value, probe) = Convert(child, childPath, value, probe);
            }

            return (value, probe);
        }

        private (Conv2d Conv, BatchNorm2d BatchNorm)? CanFold(nn.Module module, nn.Module next) =>
            options.FoldBatchNorm
            && module is Conv2d conv && next is BatchNorm2d bn
            && options.Converters.TryGetConverter(conv.GetType(), out var c) && c is Conv2dConverter
            && options.Converters.TryGetConverter(bn.GetType(), out var b) && b is BatchNormConverter
            && bn.track_running_stats && bn.running_mean is not null && bn.running_var is not null
                ? (conv, bn)
                : null;

        private static Tensor Forward(nn.Module<Tensor, Tensor> module, string path, Tensor probe)
        {
            try
            {
                return module.call(probe);
            }
            catch (Exception e) when (e is ExternalException or ArgumentException or InvalidOperationException)
            {
                throw new OnnxExportException(path, module.GetType(),
                    $"its forward fails on the traced input shape [{string.Join(", ", probe.shape)}] ({e.Message}); the model does not fit the input [N, channels, mel bands, frames] of the export options.");
            }
        }
    }
}
