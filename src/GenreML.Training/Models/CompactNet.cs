using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GenreML.Training.Models;

/// <summary>
/// The <c>default</c> architecture: a small fully convolutional network for short windows
/// (128 Mel × 128 frames ≈ 3 s). Four blocks Conv3×3 → BatchNorm → ReLU → MaxPool 2 with
/// w, 2w, 4w, 8w channels (pooling from the first block keeps the compute low), then global average
/// pooling (over frequency and time, or over time only: <see cref="ClassifierHead"/>), Dropout and one Linear
/// layer to the logits. Any input of at least 16 × 16 works; with <see cref="ClassifierHead.Bands"/> the Mel
/// band count must be the one given and a multiple of 16.
/// Parameter names: <c>features.block1.conv.weight</c> …, <c>head.fc.weight</c>.
/// </summary>
public sealed class CompactNet : Module<Tensor, Tensor>
{
    /// <summary>The base width the <c>default</c> preset trains with (the demo set uses a narrower one to stay quick).</summary>
    public const int DefaultWidth = 24;

    private readonly Sequential features;
    private readonly Sequential head;

    /// <summary>
    /// Builds the network for <paramref name="melBands"/>-band inputs with base width <paramref name="width"/>,
    /// the given <paramref name="classifierHead"/> and <paramref name="dropout"/> before the classifier.
    /// </summary>
    public CompactNet(int classes, int melBands, int width = DefaultWidth, ClassifierHead classifierHead = ClassifierHead.Global, double dropout = 0.3) : base(ModelFactory.Default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(melBands, 16);
        if (classifierHead == ClassifierHead.Bands && melBands % 16 != 0)
        {
            throw new ArgumentException($"the Bands head needs a Mel band count divisible by 16 (got {melBands})", nameof(melBands));
        }

        long rows = classifierHead == ClassifierHead.Bands ? melBands / 16 : 1;
        features = Sequential(
            ("block1", Block(1, width)),
            ("block2", Block(width, 2 * width)),
            ("block3", Block(2 * width, 4 * width)),
            ("block4", Block(4 * width, 8 * width)));
        head = Sequential(
            ("pool", AdaptiveAvgPool2d([rows, 1])),
            ("flatten", Flatten()),
            ("drop", Dropout(dropout)),
            ("fc", Linear(8 * width * rows, classes)));
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
