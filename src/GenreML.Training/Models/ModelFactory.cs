using static TorchSharp.torch;

namespace GenreML.Training.Models;

/// <summary>Creates the network an architecture name stands for.</summary>
public static class ModelFactory
{
    /// <summary>The known architecture names.</summary>
    public static IReadOnlyList<string> Architectures { get; } = ["seed", "default"];

    /// <summary>
    /// Builds <paramref name="architecture"/> for <paramref name="classes"/> outputs and windows of
    /// <paramref name="melBands"/> × <paramref name="windowFrames"/>; <paramref name="width"/> is the
    /// <c>default</c> network's base width and <paramref name="head"/> its classifier head.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Create(string architecture, int classes, int melBands, int windowFrames, int width = 16, ClassifierHead head = ClassifierHead.Global) => architecture switch
    {
        "seed" => new SeedNet(classes, melBands, windowFrames),
        "default" => new CompactNet(classes, melBands, width, head),
        _ => throw new ArgumentException($"unknown architecture '{architecture}' (known: {string.Join(", ", Architectures)})", nameof(architecture)),
    };
}
