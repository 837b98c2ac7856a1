using GenreML.Onnx.Building;
using GenreML.Onnx.Export;
using Microsoft.ML.OnnxRuntime;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GenreML.Onnx.Tests;

public sealed class ModelFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-onnx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Module<Tensor, Tensor> Model() => Sequential(("pool", AdaptiveAvgPool2d(1)), ("flatten", Flatten()), ("head", Linear(1, 3)));

    [Fact]
    public void Export_writes_atomically_and_leaves_no_temp_file()
    {
        string path = Path.Combine(_folder, "run", "model.onnx");
        OnnxExporter.Export(Model(), path, Parity.Options());
        File.WriteAllText(Path.Combine(_folder, "run", "card.json"), "{}");
        OnnxExporter.Export(Model(), path, Parity.Options() with { ModelVersion = 2 });

        Assert.Equal(["card.json", "model.onnx"], Directory.GetFiles(Path.Combine(_folder, "run")).Select(Path.GetFileName).Order());
        Assert.Equal(2, OnnxModelFile.Read(path).ModelVersion);
    }

    [Fact]
    public void Failed_export_leaves_the_existing_file_untouched()
    {
        string path = Path.Combine(_folder, "model.onnx");
        OnnxExporter.Export(Model(), path, Parity.Options());
        byte[] before = File.ReadAllBytes(path);

        Assert.Throws<OnnxExportException>(() => OnnxExporter.Export(Sequential(("attn", new TestModules.Attention())), path, Parity.Options()));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Failed_rename_removes_the_temp_file()
    {
        string blocked = Path.Combine(_folder, "model.onnx");
        Directory.CreateDirectory(blocked);

        Assert.ThrowsAny<IOException>(() => OnnxModelFile.WriteBytes([1, 2, 3], blocked));

        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Metadata_round_trips_through_ONNX_Runtime()
    {
        string card = """{"labels":["blues","classical"],"input":{"name":"logmel","shape":[1,128,130]},"note":"ünïcödé"}""";
        var metadata = new Dictionary<string, string> { ["genreml.card"] = card, ["genreml.labels"] = "blues,classical" };
        string path = Path.Combine(_folder, "meta.onnx");
        OnnxExporter.Export(Model(), path, Parity.Options() with { Metadata = metadata, GraphName = "genre-cnn" });

        using var session = new InferenceSession(path);
        var read = session.ModelMetadata;
        Assert.Equal(card, read.CustomMetadataMap["genreml.card"]);
        Assert.Equal("blues,classical", read.CustomMetadataMap["genreml.labels"]);
        Assert.Equal("GenreML", read.ProducerName);
        Assert.Equal("genre-cnn", read.GraphName);
    }

    [Fact]
    public void Reading_a_non_onnx_file_names_it()
    {
        string path = Path.Combine(_folder, "junk.onnx");
        File.WriteAllBytes(path, [0xFF, 0xFF, 0xFF, 0x01, 0x02]);
        var error = Assert.Throws<InvalidDataException>(() => OnnxModelFile.Read(path));
        Assert.Contains(path, error.Message);
        Assert.Throws<FileNotFoundException>(() => OnnxModelFile.Read(Path.Combine(_folder, "missing.onnx")));
    }
}
