using GenreML.Inference.Cards;
using static TorchSharp.torch;

namespace GenreML.Training.Export;

/// <summary>Writes a trained network as an ONNX file carrying its model card (implemented by the ONNX exporter).</summary>
public interface IModelExporter
{
    /// <summary>Exports <paramref name="model"/> (already in evaluation mode) with <paramref name="card"/> to <paramref name="path"/>.</summary>
    void Export(nn.Module<Tensor, Tensor> model, ModelCard card, string path);
}
