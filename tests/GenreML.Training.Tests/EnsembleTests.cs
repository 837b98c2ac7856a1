using GenreML.Audio.Decoding;
using GenreML.Audio.Features;
using GenreML.Inference.Cards;
using GenreML.Training.Engine;
using GenreML.Training.Export;
using GenreML.Training.Models;
using GenreML.Core.Runs;
using GenreML.Training.Runs;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit.Abstractions;
using Tensor = TorchSharp.torch.Tensor;
using static TorchSharp.torch;

namespace GenreML.Training.Tests;

/// <summary>
/// Seed ensembles: one ONNX graph whose probabilities equal the mean of the TorchSharp members' softmaxes, and a
/// training run with <c>EnsembleMembers</c> and waveform augmentation end to end on real (generated) audio.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class EnsembleTests : IDisposable
{
    private const int Bands = 32, Frames = 40, Classes = 5;
    private readonly TempDirectory _folder = new();
    private readonly ITestOutputHelper _output;

    public EnsembleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void One_onnx_graph_averages_the_members_probabilities_as_torchsharp_does()
    {
        var members = new List<nn.Module<Tensor, Tensor>>();
        for (int seed = 1; seed <= 3; seed++)
        {
            manual_seed(seed);
            members.Add(ModelFactory.Create("default", Classes, Bands, Frames, width: 4));
        }

        using var ensemble = new EnsembleNet(members);
        ensemble.eval();
        var card = new ModelCard
        {
            Labels = Enumerable.Range(0, Classes).Select(i => $"genre{i}").ToArray(),
            Features = new LogMelOptions { MelBands = Bands },
            WindowFrames = Frames,
            WindowHop = Frames,
            Normalization = new FeatureNormalization { Mean = -40f, Std = 15f },
            Architecture = "default",
        };
        string path = Path.Combine(_folder.Path, "ensemble.onnx");
        new OnnxModelExporter().Export(ensemble, card, path);

        using var session = new InferenceSession(path);
        Assert.Equal(["logits", "probabilities"], session.OutputMetadata.Keys.Order());
        foreach (var (batch, frames) in new[] { (1, Frames), (4, Frames), (2, Frames + 24) })
        {
            var generator = new Random(batch * 100 + frames);
            float[] raw = Enumerable.Range(0, batch * Bands * frames).Select(_ => (float)(-80 + 80 * generator.NextDouble())).ToArray();
            float[] expected;
            using (no_grad())
            using (var scope = NewDisposeScope())
            {
                var input = (tensor(raw, [batch, 1, Bands, frames]) - card.Normalization.Mean) / card.Normalization.Std;
                expected = stack(members.Select(m => nn.functional.softmax(m.forward(input), 1)).ToArray()).mean([0]).data<float>().ToArray();
            }

            using var results = session.Run([NamedOnnxValue.CreateFromTensor("logmel", new DenseTensor<float>(raw, [batch, 1, Bands, frames]))]);
            float[] actual = results.First(r => r.Name == "probabilities").AsEnumerable<float>().ToArray();
            float largest = expected.Zip(actual).Max(p => Math.Abs(p.First - p.Second));
            _output.WriteLine($"batch {batch}, {frames} frames: max |Δp| {largest:E2}");
            Assert.True(largest <= 1e-4, $"batch {batch}, {frames} frames: probabilities differ by {largest}");
            Assert.Equal(expected.Length, actual.Length);
        }
    }

    [Fact]
    public void A_run_trains_each_member_augments_and_exports_one_model()
    {
        string data = _folder.Combine("data");
        var rng = new Random(3);
        foreach (var (label, hz) in new[] { ("low", 220.0), ("high", 1760.0) })
        {
            Directory.CreateDirectory(Path.Combine(data, label));
            for (int i = 0; i < 4; i++)
            {
                float[] samples = Enumerable.Range(0, 22050 * 2)
                    .Select(n => (float)(0.3 * Math.Sin(2 * Math.PI * hz * (1 + 0.02 * i) * n / 22050) + 0.01 * (rng.NextDouble() - 0.5))).ToArray();
                WavWriter.Write(Path.Combine(data, label, $"{label}.{i:D5}.wav"), samples, 22050);
            }
        }

        var options = TrainingOptions.DefaultPreset with
        {
            Width = 4, WindowFrames = 16, WindowHop = 16, WindowsPerClip = 1, BatchSize = 4, Epochs = 1,
            FrequencyMaskWidth = 2, TimeMaskWidth = 3, AugmentVariants = 1, EnsembleMembers = 2,
        };
        var services = new TrainingServices(new ClipFeaturizer(LogMelOptions.Librosa with { DbReference = DbReference.Max }), new OnnxModelExporter());
        var request = new TrainingRequest { DataPath = data, OutputDirectory = _folder.Combine("run"), Options = options, CacheDirectory = _folder.Combine("cache") };
        var log = new StringWriter();

        var result = new TrainingRun(services, log).Run(request);

        Assert.Contains("1 variant(s) of 8 clips", log.ToString());
        Assert.Contains("0 reused, 8 computed", log.ToString());
        Assert.Equal(2, result.Metrics.MemberEpochs!.Count);
        Assert.NotNull(result.Metrics.ValidAugmented);
        foreach (string member in new[] { "member1", "member2" })
            Assert.True(File.Exists(_folder.Combine("run", member, RunFolder.CheckpointFile)), member);
        Assert.True(File.Exists(_folder.Combine("run", "model.onnx")));
        using (var checkpoint = RunCheckpoint.Load(_folder.Combine("run")))
            Assert.IsType<EnsembleNet>(checkpoint.Model);

        var again = new StringWriter();
        new TrainingRun(services, again).Run(request with { OutputDirectory = _folder.Combine("again") });
        Assert.Contains("8 reused, 0 computed", again.ToString());
    }

    public void Dispose() => _folder.Dispose();
}
