using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GenreML.Onnx.Tests;

/// <summary>Scaled-down versions of the GenreML CNNs, written the way the training project writes models.</summary>
internal static class Networks
{
    /// <summary>Conv3×3-BN-ReLU-MaxPool2-Dropout ×3 (32/64/128 channels), Flatten, Linear→256-ReLU-Dropout-Linear→10.</summary>
    public sealed class SeedLike : Module<Tensor, Tensor>
    {
        private readonly Sequential features;
        private readonly Flatten flatten;
        private readonly Sequential classifier;

        public SeedLike(int melBands, int frames)
            : base(nameof(SeedLike))
        {
            features = Sequential(("block1", Block(1, 32)), ("block2", Block(32, 64)), ("block3", Block(64, 128)));
            flatten = Flatten();
            long flat = 128L * (melBands / 8) * (frames / 8);
            classifier = Sequential(("fc1", Linear(flat, 256)), ("relu", ReLU()), ("dropout", Dropout(0.3)), ("fc2", Linear(256, 10)));
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => classifier.call(flatten.call(features.call(input)));
    }

    /// <summary>Fully convolutional: conv blocks, AdaptiveAvgPool2d(1), Flatten, Dropout, Linear→10. Accepts any width.</summary>
    public sealed class DefaultLike : Module<Tensor, Tensor>
    {
        private readonly Sequential features;
        private readonly AdaptiveAvgPool2d pool;
        private readonly Flatten flatten;
        private readonly Dropout dropout;
        private readonly Linear head;

        public DefaultLike()
            : base(nameof(DefaultLike))
        {
            features = Sequential(("block1", Block(1, 8)), ("block2", Block(8, 16)), ("block3", Block(16, 24)));
            pool = AdaptiveAvgPool2d(1);
            flatten = Flatten();
            dropout = Dropout(0.5);
            head = Linear(24, 10);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => head.call(dropout.call(flatten.call(pool.call(features.call(input)))));
    }

    /// <summary>Runs a few SGD steps on seeded random data (training mode, so BatchNorm running statistics move).</summary>
    public static void Train(Module<Tensor, Tensor> model, long[] inputShape, int steps = 5, int seed = 3)
    {
        using var generator = new Generator((ulong)seed);
        var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
        model.train();
        for (int step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            var x = torch.randn(inputShape, generator: generator) * 2 + 0.5;
            var y = torch.randint(10, [inputShape[0]], generator: generator);
            optimizer.zero_grad();
            var loss = functional.cross_entropy(model.call(x), y);
            loss.backward();
            optimizer.step();
        }
    }

    /// <summary>Gives a BatchNorm non-trivial running statistics and affine parameters.</summary>
    public static void Randomise(BatchNorm2d bn, int seed)
    {
        using var noGrad = torch.no_grad();
        using var generator = new Generator((ulong)seed);
        long c = bn.num_features;
        bn.running_mean!.copy_(torch.randn(c, generator: generator));
        bn.running_var!.copy_(torch.rand(c, generator: generator) * 2 + 0.3);
        bn.weight?.copy_(torch.randn(c, generator: generator));
        bn.bias?.copy_(torch.randn(c, generator: generator));
    }

    private static Sequential Block(long input, long output) => Sequential(
        ("conv", Conv2d(input, output, 3, padding: 1)),
        ("bn", BatchNorm2d(output)),
        ("relu", ReLU()),
        ("pool", MaxPool2d(2)),
        ("dropout", Dropout2d(0.1)));
}
