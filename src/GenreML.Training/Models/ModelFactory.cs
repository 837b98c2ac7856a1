using static TorchSharp.torch;

namespace GenreML.Training.Models;

/// <summary>The registry of architectures: every network name, what it is, and how to build it.</summary>
public static class ModelFactory
{
    /// <summary>The reference notebook's CNN (<see cref="SeedNet"/>).</summary>
    public const string Seed = "seed";

    /// <summary>Our compact fully convolutional CNN (<see cref="CompactNet"/>).</summary>
    public const string Default = "default";

    /// <summary>Every known architecture.</summary>
    public static IReadOnlyList<Architecture> Architectures { get; } =
    [
        new(Default, "3 s crops, compact CNN", DynamicFrames: true, s => new CompactNet(s.Classes, s.MelBands, s.Width, s.Head)),
        new(Seed, "the reference notebook", DynamicFrames: false, s => new SeedNet(s.Classes, s.MelBands, s.WindowFrames)),
    ];

    /// <summary>The known architecture names.</summary>
    public static IReadOnlyList<string> Names { get; } = Architectures.Select(a => a.Name).ToArray();

    /// <summary>The architecture called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No architecture has that name.</exception>
    public static Architecture Get(string name) =>
        Architectures.FirstOrDefault(a => a.Name == name)
        ?? throw new ArgumentException($"unknown architecture '{name}' (known: {string.Join(", ", Names)})", nameof(name));

    /// <summary>
    /// Builds <paramref name="architecture"/> for <paramref name="classes"/> outputs and windows of
    /// <paramref name="melBands"/> × <paramref name="windowFrames"/>; <paramref name="width"/> is the
    /// <c>default</c> network's base width and <paramref name="head"/> its classifier head.
    /// </summary>
    /// <exception cref="ArgumentException">The architecture is unknown.</exception>
    public static nn.Module<Tensor, Tensor> Create(
        string architecture, int classes, int melBands, int windowFrames, int width = CompactNet.DefaultWidth, ClassifierHead head = ClassifierHead.Global) =>
        Get(architecture).Build(new ModelShape(classes, melBands, windowFrames, width, head));
}
