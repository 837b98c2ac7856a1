namespace GenreML.Onnx.FrontEnd;

/// <summary>
/// How a clip-level model (<see cref="Export.OnnxExportOptions.IsClipLevel"/>) says what it reads: the exporter writes
/// <see cref="InputKindMetadataKey"/> = <see cref="WaveformInputKind"/> into its <c>metadata_props</c>, so a loader can
/// tell it from a window-level log-Mel model before looking at shapes.
/// </summary>
public static class ClipLevelModel
{
    /// <summary>The metadata key naming the kind of input a GenreML model reads.</summary>
    public const string InputKindMetadataKey = "genreml.input_kind";

    /// <summary>
    /// The value of <see cref="InputKindMetadataKey"/> for a clip-level model: input <c>[1, samples]</c>, one whole mono clip at the
    /// card's sample rate; outputs the clip's probabilities <c>[1, n_labels]</c> and per-window logits and probabilities <c>[W, n_labels]</c>.
    /// </summary>
    public const string WaveformInputKind = "clip-waveform";

    /// <summary>The clip-level model's input: one whole mono clip <c>[1, samples]</c> at the card's sample rate.</summary>
    public const string WaveformInput = "waveform";

    /// <summary>The clip-level model's per-window logits output <c>[W, n_labels]</c>.</summary>
    public const string WindowLogitsOutput = "window_logits";

    /// <summary>The clip-level model's per-window probabilities output <c>[W, n_labels]</c>.</summary>
    public const string WindowProbabilitiesOutput = "window_probabilities";
}
