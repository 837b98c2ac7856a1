using GenreML.Training.Engine;
using static TorchSharp.torch;

namespace GenreML.Training.Tests;

[Collection(TorchCollection.Name)]
public sealed class WeightAverageTests
{
    [Fact]
    public void TheAverageFollowsTheDecayRuleAndSwapsBothWays()
    {
        using var model = nn.Sequential(("fc", nn.Linear(2, 1)), ("bn", nn.BatchNorm1d(1)));
        var weight = model.parameters().First();
        using (no_grad()) weight.fill_(1.0);
        using var average = new WeightAverage(model, decay: 0.5);

        using (no_grad()) weight.fill_(3.0);
        average.Update(step: 100); // d = min(0.5, 101/110) = 0.5: 0.5·1 + 0.5·3 = 2
        using (no_grad()) weight.fill_(6.0);
        average.Update(step: 0); // d = min(0.5, 1/10) = 0.1: 0.1·2 + 0.9·6 = 5.6

        average.Swap();
        Assert.All(weight.data<float>().ToArray(), v => Assert.Equal(5.6f, v, 5));
        average.Swap();
        Assert.All(weight.data<float>().ToArray(), v => Assert.Equal(6f, v, 5));
    }

    [Fact]
    public void ADecayOutsideZeroToOneIsRefused()
    {
        using var model = nn.Linear(2, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => new WeightAverage(model, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WeightAverage(model, 0.0));
    }
}
