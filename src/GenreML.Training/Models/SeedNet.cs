using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GenreML.Training.Models;

/// <summary>
/// The reference notebook's network, layer for layer: three blocks of Conv3×3 (32, 64, 128 channels,
/// padding 1) → BatchNorm → ReLU → MaxPool 2 → Dropout (0.2, 0.3, 0.4), then Flatten → Linear(256) →
/// ReLU → Linear(classes). Input <c>[N, 1, melBands, frames]</c> (128 × 862, the first 20 s); output logits.
/// Parameter names: <c>features.block1.conv.weight</c> …, <c>classifier.fc1.weight</c> ….
/// </summary>
public sealed class SeedNet : Module<Tensor, Tensor>
{
    private readonly Sequential features;
    private readonly Sequential classifier;

    /// <summary>Builds the network for <paramref name="classes"/> outputs and inputs of <paramref name="melBands"/> × <paramref name="frames"/>.</summary>
    public SeedNet(int classes, int melBands = 128, int frames = 862) : base(ModelFactory.Seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        if (melBands < 8 || frames < 8)
            throw new ArgumentOutOfRangeException(nameof(melBands), $"input {melBands}×{frames} is too small for three 2× poolings");
        features = Sequential(
            ("block1", Block(1, 32, 0.2)),
            ("block2", Block(32, 64, 0.3)),
            ("block3", Block(64, 128, 0.4)));
        long flat = 128L * (melBands / 8) * (frames / 8);
        classifier = Sequential(
            ("flatten", Flatten()),
            ("fc1", Linear(flat, 256)),
            ("relu", ReLU()),
            ("fc2", Linear(256, classes)));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var f = features.forward(input);
        return classifier.forward(f);
    }

    private static Sequential Block(long inChannels, long outChannels, double dropout) => Sequential(
        ("conv", Conv2d(inChannels, outChannels, kernel_size: 3, padding: 1)),
        ("bn", BatchNorm2d(outChannels)),
        ("relu", ReLU()),
        ("pool", MaxPool2d(2)),
        ("drop", Dropout(dropout)));
}
