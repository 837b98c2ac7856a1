using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GenreML.Training.Models;

/// <summary>
/// The <c>default</c> architecture: a small fully convolutional network for short windows
/// (128 Mel × 128 frames ≈ 3 s). Four blocks Conv3×3 → BatchNorm → ReLU → MaxPool 2 with
/// w, 2w, 4w, 8w channels (pooling from the first block keeps the compute low), then global average
/// pooling, Dropout and one Linear layer to the logits. Any input size of at least 16 × 16 works.
/// Parameter names: <c>features.block1.conv.weight</c> …, <c>head.fc.weight</c>.
/// </summary>
public sealed class CompactNet : Module<Tensor, Tensor>
{
    private readonly Sequential features;
    private readonly Sequential head;

    /// <summary>Builds the network with base width <paramref name="width"/> (16 by default) and <paramref name="dropout"/> before the classifier.</summary>
    public CompactNet(int classes, int width = 16, double dropout = 0.3) : base("default")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        features = Sequential(
            ("block1", Block(1, width)),
            ("block2", Block(width, 2 * width)),
            ("block3", Block(2 * width, 4 * width)),
            ("block4", Block(4 * width, 8 * width)));
        head = Sequential(
            ("pool", AdaptiveAvgPool2d(1)),
            ("flatten", Flatten()),
            ("drop", Dropout(dropout)),
            ("fc", Linear(8 * width, classes)));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var f = features.forward(input);
        return head.forward(f);
    }

    private static Sequential Block(long inChannels, long outChannels) => Sequential(
        ("conv", Conv2d(inChannels, outChannels, kernel_size: 3, padding: 1)),
        ("bn", BatchNorm2d(outChannels)),
        ("relu", ReLU()),
        ("pool", MaxPool2d(2)));
}
