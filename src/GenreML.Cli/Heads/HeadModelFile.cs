using System.Globalization;
using GenreML.Inference.Cards;
using GenreML.MLNet.Heads;
using GenreML.Onnx.Building;
using GenreML.Onnx.Proto;

namespace GenreML.Cli.Heads;

/// <summary>
/// Writes a trained head as one self-describing ONNX file: the base network up to its embedding, the head as
/// Gemm + Softmax (<see cref="LinearHeadGraph"/>), and a card with the user's labels and the base's feature
/// settings, window and normalisation (not its calibration, which belongs to the base's classifier) — so every
/// consumer of GenreML models reads it unchanged.
/// </summary>
internal static class HeadModelFile
{
    /// <summary>Writes <paramref name="outPath"/> (atomically) and returns its card.</summary>
    public static ModelCard Write(string basePath, ModelCard baseCard, LinearHead head, EmbeddedClips data, HeadCrossValidation? cv, string dataRoot, string outPath)
    {
        ModelProto model = LinearHeadGraph.Replace(OnnxModelFile.Read(basePath), basePath, head.Weights, head.Biases,
            baseCard.LogitsOutput, baseCard.ProbabilitiesOutput, baseCard.EmbeddingOutput);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (cv is not null)
        {
            metrics["cv_micro_accuracy"] = cv.MicroAccuracy;
            metrics["cv_macro_accuracy"] = cv.MacroAccuracy;
            metrics["cv_log_loss"] = cv.LogLoss;
        }

        ModelCard card = baseCard with
        {
            Labels = head.Labels,
            Calibration = null, // fitted on the base's classifier, not on this head
            Architecture = $"{baseCard.Architecture}+head",
            Provenance = new TrainingProvenance
            {
                Data = Path.GetFullPath(dataRoot),
                Split = cv is null
                    ? string.Create(CultureInfo.InvariantCulture, $"head (ML.NET NormalizeMeanVariance + LbfgsMaximumEntropy, L2 = {head.L2:G}) on the embeddings of {Path.GetFileName(basePath)}; no cross-validation (too few groups)")
                    : string.Create(CultureInfo.InvariantCulture, $"head (ML.NET NormalizeMeanVariance + LbfgsMaximumEntropy, L2 = {head.L2:G} by cross-validated log-loss) on the embeddings of {Path.GetFileName(basePath)}; {cv.Folds}-fold cross-validation{(cv.Grouped ? " by group" : "")}, then trained on all clips"),
                TrainCounts = data.Clips.GroupBy(c => c.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
                Metrics = metrics.Count > 0 ? metrics : null,
                Command = "genreml " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                CreatedUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            },
        };
        card.Validate(outPath);
        OnnxMetadata.Set(model, ModelCard.MetadataKey, card.ToJson());
        OnnxModelFile.Write(model, outPath);
        return card;
    }
}
