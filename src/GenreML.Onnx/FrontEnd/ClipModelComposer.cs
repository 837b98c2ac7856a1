using GenreML.Onnx.Building;
using GenreML.Onnx.Proto;

namespace GenreML.Onnx.FrontEnd;

/// <summary>
/// Gives a window-level ONNX classifier (log-Mel windows in, logits and probabilities out) the raw-waveform front end,
/// without its weights or training run: the front-end and windowing graphs the exporter writes for clip-level models go
/// in front of the model's own graph, which is copied unchanged, and the window probabilities are averaged. The result is
/// the clip-level model <see cref="ClipLevelModel"/> describes. GenreML.Training's <c>OnnxModelExporter.ComposeClipLevel</c>
/// reads these settings from a GenreML model's card.
/// </summary>
public static class ClipModelComposer
{
    /// <summary>The operator set composition works in: the front end's reductions take their axes as attributes, as in opset 17.</summary>
    public const long Opset = 17;

    /// <summary>
    /// Composes the clip-level model from <paramref name="windowModel"/>, whose interface <paramref name="window"/> describes;
    /// its metadata is kept except the keys of <paramref name="metadata"/>, which replace them. <paramref name="source"/> names
    /// the model in errors.
    /// </summary>
    /// <exception cref="InvalidDataException">The model is already clip-level, is not opset 17, lacks the named input or outputs, or its names clash with the front end's.</exception>
    public static ModelProto Compose(ModelProto windowModel, WindowModelInterface window, IReadOnlyDictionary<string, string> metadata, string source)
    {
        ArgumentNullException.ThrowIfNull(windowModel);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(metadata);
        if (OnnxMetadata.Get(windowModel, ClipLevelModel.InputKindMetadataKey) == ClipLevelModel.WaveformInputKind)
        {
            throw new InvalidDataException($"{source}: already a clip-level model (its input is the waveform).");
        }

        long opset = windowModel.OpsetImport.Where(o => o.Domain.Length == 0 || o.Domain == "ai.onnx").Select(o => o.Version).DefaultIfEmpty(0).Max();
        if (opset != Opset || windowModel.OpsetImport.Any(o => o.Domain.Length > 0 && o.Domain != "ai.onnx"))
        {
            throw new InvalidDataException($"{source}: the front end can be composed with opset {Opset} models in the default domain only (what GenreML's exporter writes); this one imports "
                + string.Join(", ", windowModel.OpsetImport.Select(o => $"{(o.Domain.Length == 0 ? "ai.onnx" : o.Domain)} {o.Version}")) + ".");
        }

        GraphProto graph = windowModel.Graph;
        Require(graph.Input.Any(i => i.Name == window.InputName), source, $"input '{window.InputName}'");
        Require(graph.Output.Any(o => o.Name == window.LogitsOutput), source, $"output '{window.LogitsOutput}'");
        Require(graph.Output.Any(o => o.Name == window.ProbabilitiesOutput), source, $"output '{window.ProbabilitiesOutput}'");

        var builder = new OnnxGraphBuilder($"{graph.Name}_clip", $"{graph.DocString} Composed with GenreML's waveform front end: one whole clip in, its probabilities out.".Trim());
        string value = builder.AddInput(ClipLevelModel.WaveformInput, OnnxElementType.Float, [OnnxDim.Fixed(1), OnnxDim.Symbolic("samples")],
            $"One whole clip: mono waveform at {window.Features.SampleRate} Hz, batch 1. The log-Mel front end and the windowing run inside the graph.");
        value = WaveformFrontEndGraph.Append(builder, value, window.Features);
        value = ClipWindowsGraph.Append(builder, value, window.WindowFrames, window.WindowHop);
        var renames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [window.InputName] = value,
            [window.LogitsOutput] = ClipLevelModel.WindowLogitsOutput,
            [window.ProbabilitiesOutput] = ClipLevelModel.WindowProbabilitiesOutput,
        };
        try
        {
            builder.Import(graph, renames);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{source}: its graph cannot be placed behind the front end: {e.Message}", e);
        }

        var windowDims = new[] { OnnxDim.Symbolic(ClipWindowsGraph.WindowsSymbol), OnnxDim.Fixed(window.Labels) };
        builder.AddOutput(ClipLevelModel.WindowLogitsOutput, OnnxElementType.Float, windowDims, "Unnormalised class scores of each window of the clip.");
        builder.AddOutput(ClipLevelModel.WindowProbabilitiesOutput, OnnxElementType.Float, windowDims, "Softmax of each window's logits.");
        AppendClipProbabilities(builder, window);
        foreach (ValueInfoProto other in graph.Output.Where(o => o.Name != window.LogitsOutput && o.Name != window.ProbabilitiesOutput))
        {
            builder.AddOutput(other.Name, (OnnxElementType)other.Type.TensorType.ElemType, PerWindow(other), $"{other.DocString} (one row per window)".Trim());
        }

        foreach (StringStringEntryProto entry in windowModel.MetadataProps.Where(m => !metadata.ContainsKey(m.Key)))
        {
            builder.AddMetadata(entry.Key, entry.Value);
        }

        foreach (var (key, entry) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            builder.AddMetadata(key, entry);
        }

        builder.AddMetadata(ClipLevelModel.InputKindMetadataKey, ClipLevelModel.WaveformInputKind);

        // The window model's producer, version and IR version: the same model always composes to the same bytes.
        return builder.Build(new OnnxModelInfo
        {
            Opset = Opset,
            IrVersion = windowModel.IrVersion,
            ProducerName = windowModel.ProducerName,
            ProducerVersion = windowModel.ProducerVersion,
            ModelVersion = windowModel.ModelVersion,
            DocString = windowModel.DocString,
        });
    }

    // The clip's probabilities: the mean of the window probabilities, calibrated with the card's temperature when it is
    // not 1 (softmax(log p / T); a zero stays zero, as in GenreML.Inference's TemperatureScaling).
    private static void AppendClipProbabilities(OnnxGraphBuilder builder, WindowModelInterface window)
    {
        if (!(window.Temperature > 0) || !double.IsFinite(window.Temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(window), window.Temperature, "the temperature must be positive and finite");
        }

        OnnxDim[] clipDims = [OnnxDim.Fixed(1), OnnxDim.Fixed(window.Labels)];
        if (window.Temperature == 1)
        {
            builder.AddNode("ReduceMean", "clip/MeanOverWindows", [ClipLevelModel.WindowProbabilitiesOutput], [window.ProbabilitiesOutput]).Ints("axes", 0).Int("keepdims", 1);
            builder.AddOutput(window.ProbabilitiesOutput, OnnxElementType.Float, clipDims, "The clip's class probabilities: the mean of the window probabilities.");
            return;
        }

        builder.AddNode("ReduceMean", "clip/MeanOverWindows", [ClipLevelModel.WindowProbabilitiesOutput], ["clip/MeanOverWindows"]).Ints("axes", 0).Int("keepdims", 1);
        builder.AddNode("Log", "clip/Log", "clip/MeanOverWindows");
        string temperature = builder.AddScalar("clip/Temperature", (float)window.Temperature, "The calibration temperature of the model's card.");
        builder.AddNode("Div", "clip/Tempered", "clip/Log", temperature);
        builder.AddNode("Softmax", "clip/Calibrated", ["clip/Tempered"], [window.ProbabilitiesOutput]).Int("axis", -1);
        builder.AddOutput(window.ProbabilitiesOutput, OnnxElementType.Float, clipDims,
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The clip's calibrated class probabilities: softmax(log p / T) of the mean p of the window probabilities, T = {window.Temperature:R} (the card's temperature)."));
    }

    private static void Require(bool present, string source, string what)
    {
        if (!present)
        {
            throw new InvalidDataException($"{source}: the graph has no {what}, which the model's card names.");
        }
    }

    private static OnnxDim[] PerWindow(ValueInfoProto output) =>
        [.. output.Type.TensorType.Shape.Dim.Select((d, i) => i == 0 ? OnnxDim.Symbolic(ClipWindowsGraph.WindowsSymbol)
            : d.HasDimValue ? OnnxDim.Fixed(d.DimValue) : OnnxDim.Symbolic(d.DimParam))];
}
