using static TorchSharp.torch;

namespace GenreML.Training.Models;

/// <summary>One network <see cref="ModelFactory"/> knows by name.</summary>
/// <param name="Name">The name used by <c>--arch</c>, <c>TrainingOptions.Architecture</c> and the model card.</param>
/// <param name="Description">One line for help texts.</param>
/// <param name="DynamicFrames">Whether the network is fully convolutional, so its exported input may take any frame count.</param>
/// <param name="Build">Builds the network for a <see cref="ModelShape"/>.</param>
public sealed record Architecture(string Name, string Description, bool DynamicFrames, Func<ModelShape, nn.Module<Tensor, Tensor>> Build);

/// <summary>What a network is built for.</summary>
/// <param name="Classes">Number of outputs.</param>
/// <param name="MelBands">Mel bands of the input windows.</param>
/// <param name="WindowFrames">Frames of the input windows.</param>
/// <param name="Width">Base width of the <c>default</c> network (others ignore it).</param>
/// <param name="Head">Classifier head of the <c>default</c> network (others ignore it).</param>
public readonly record struct ModelShape(int Classes, int MelBands, int WindowFrames, int Width, ClassifierHead Head);
