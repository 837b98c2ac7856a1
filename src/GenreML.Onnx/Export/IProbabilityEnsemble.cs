using static TorchSharp.torch;

namespace GenreML.Onnx.Export;

/// <summary>
/// A module whose forward is <c>log(mean over members of softmax(member(x), axis 1))</c>: an ensemble that averages
/// its members' class probabilities. The exporter converts every member from the same input and emits the
/// softmaxes, their mean and the log, so the usual softmax of the output gives the averaged probabilities.
/// </summary>
public interface IProbabilityEnsemble
{
    /// <summary>The members, each mapping <c>[N, channels, bands, frames]</c> to logits <c>[N, classes]</c>.</summary>
    IReadOnlyList<nn.Module<Tensor, Tensor>> Members { get; }
}
