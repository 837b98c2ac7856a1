using GenreML.Audio.Features;
using GenreML.Inference.Cards;
using GenreML.Training.Export;
using GenreML.Training.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GenreML.Training.Tests;

/// <summary>
/// Every architecture the trainer offers exports, and the ONNX model computes what TorchSharp computes:
/// with random weights and after a few training steps (BatchNorm statistics moved), at several batch sizes.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class ExportParityTests : IDisposable
{
    private const int Bands = 32, Frames = 40, Classes = 10;
    private readonly TempDirectory _folder = new();
    private readonly ITestOutputHelper _output;

    public ExportParityTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string, bool, ClassifierHead> Cases() => new()
    {
        { "seed", false, ClassifierHead.Global }, { "seed", true, ClassifierHead.Global },
        { "default", false, ClassifierHead.Global }, { "default", true, ClassifierHead.Global },
        { "default", true, ClassifierHead.Bands },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Onnx_runtime_matches_torchsharp(string architecture, bool trained, ClassifierHead head)
    {
        manual_seed(42);
        using var model = ModelFactory.Create(architecture, Classes, Bands, Frames, width: 8, head: head);
        if (trained)
        {
            TrainBriefly(model);
        }

        model.eval();
        var card = new ModelCard
        {
            Labels = Enumerable.Range(0, Classes).Select(i => $"genre{i}").ToArray(),
            Features = new LogMelOptions { MelBands = Bands },
            WindowFrames = Frames,
            WindowHop = Frames,
            Normalization = new FeatureNormalization { Mean = -40f, Std = 15f },
            Architecture = architecture,
        };
        string path = Path.Combine(_folder.Path, $"{architecture}-{trained}-{head}.onnx");
        new OnnxModelExporter().Export(model, card, path);

        using var session = new InferenceSession(path);
        foreach (int batch in new[] { 1, 3, 8 })
        {
            var generator = new Random(batch);
            float[] raw = Enumerable.Range(0, batch * Bands * Frames).Select(_ => (float)(-80 + 80 * generator.NextDouble())).ToArray();
            float[] expected;
            using (no_grad())
            using (var input = (tensor(raw, [batch, 1, Bands, Frames]) - card.Normalization.Mean) / card.Normalization.Std)
            using (var logits = model.forward(input))
            {
                expected = logits.data<float>().ToArray();
            }

            using var results = session.Run([NamedOnnxValue.CreateFromTensor("logmel", new DenseTensor<float>(raw, [batch, 1, Bands, Frames]))]);
            float[] actual = results.First(r => r.Name == "logits").AsEnumerable<float>().ToArray();
            Assert.Equal(expected.Length, actual.Length);
            float largest = expected.Zip(actual).Max(p => Math.Abs(p.First - p.Second));
            _output.WriteLine($"{architecture} trained={trained} batch {batch}: max |Δlogits| {largest:E2}");
            Assert.True(largest <= 1e-4, $"{architecture} batch {batch}: logits differ by {largest}, more than 1e-4");
            for (int row = 0; row < batch; row++)
            {
                Assert.Equal(ArgMax(expected.AsSpan(row * Classes, Classes)), ArgMax(actual.AsSpan(row * Classes, Classes)));
            }
        }
    }

    private static void TrainBriefly(nn.Module<torch.Tensor, torch.Tensor> model)
    {
        model.train();
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        for (int step = 0; step < 3; step++)
        {
            using var scope = NewDisposeScope();
            var input = randn(4, 1, Bands, Frames);
            var target = randint(0, Classes, [4], dtype: ScalarType.Int64);
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.forward(input), target).backward();
            optimizer.step();
        }
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best]) best = i;
        }

        return best;
    }

    public void Dispose() => _folder.Dispose();
}
