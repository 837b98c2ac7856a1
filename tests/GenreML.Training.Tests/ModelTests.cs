using GenreML.Training.Models;
using static TorchSharp.torch;

namespace GenreML.Training.Tests;

[Collection(TorchCollection.Name)]
public sealed class ModelTests
{
    [Fact]
    public void SeedNetHasTheNotebookLayersAndNames()
    {
        using var model = ModelFactory.Create("seed", classes: 10, melBands: 16, windowFrames: 40);
        var names = model.named_parameters().Select(p => p.name).ToList();
        Assert.Equal(
            [
                "features.block1.conv.weight", "features.block1.conv.bias", "features.block1.bn.weight", "features.block1.bn.bias",
                "features.block2.conv.weight", "features.block2.conv.bias", "features.block2.bn.weight", "features.block2.bn.bias",
                "features.block3.conv.weight", "features.block3.conv.bias", "features.block3.bn.weight", "features.block3.bn.bias",
                "classifier.fc1.weight", "classifier.fc1.bias", "classifier.fc2.weight", "classifier.fc2.bias",
            ],
            names);
        Assert.Equal([256L, 128 * 2 * 5], model.named_parameters().Single(p => p.name == "classifier.fc1.weight").parameter.shape);

        model.eval();
        using var input = zeros(3, 1, 16, 40);
        using var output = model.forward(input);
        Assert.Equal([3L, 10], output.shape);
    }

    [Fact]
    public void FullSizeSeedNetHasTheNotebookParameterCount()
    {
        using var model = new SeedNet(10);
        long count = model.parameters().Sum(p => p.numel());
        // convs 320 + 18 496 + 73 856, BN 2·(32+64+128), fc1 128·16·107·256 + 256, fc2 2 570.
        Assert.Equal(320 + 18_496 + 73_856 + 448 + 56_099_072 + 2_570, count);
    }

    [Fact]
    public void CompactNetIsFullyConvolutionalWithGlobalPooling()
    {
        using var model = ModelFactory.Create("default", classes: 4, melBands: 16, windowFrames: 16, width: 4);
        Assert.Contains("head.fc.weight", model.named_parameters().Select(p => p.name));
        Assert.Contains("features.block4.bn.running_mean", model.named_buffers().Select(b => b.name));
        model.eval();
        using var small = zeros(2, 1, 16, 16);
        using var large = zeros(2, 1, 32, 48);
        using var a = model.forward(small);
        using var b = model.forward(large);
        Assert.Equal([2L, 4], a.shape);
        Assert.Equal([2L, 4], b.shape);
    }

    [Fact]
    public void TheBandsHeadKeepsOneRowPerSixteenMelBands()
    {
        using var model = ModelFactory.Create("default", classes: 4, melBands: 32, windowFrames: 16, width: 4, head: ClassifierHead.Bands);
        Assert.Equal([4L, 8 * 4 * 2], model.named_parameters().Single(p => p.name == "head.fc.weight").parameter.shape);
        model.eval();
        using var input = zeros(2, 1, 32, 48);
        using var output = model.forward(input);
        Assert.Equal([2L, 4], output.shape);
        Assert.Throws<ArgumentException>(() => new CompactNet(4, melBands: 24, classifierHead: ClassifierHead.Bands));
    }
}
