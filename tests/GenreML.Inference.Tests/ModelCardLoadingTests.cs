using System.Text.Json.Nodes;
using GenreML.Inference.Cards;
using GenreML.Inference.Tests.Fixtures;

namespace GenreML.Inference.Tests;

public sealed class ModelCardLoadingTests
{
    [Fact]
    public void Opens_from_path_stream_and_bytes_with_the_same_card()
    {
        using var fromPath = GenreClassifier.Open(TinyModel.Path);
        using var stream = File.OpenRead(TinyModel.Path);
        using var fromStream = GenreClassifier.Open(stream, "tiny.onnx");
        using var fromBytes = GenreClassifier.Open(TinyModel.Bytes);

        Assert.Equal(10, fromPath.Labels.Count);
        Assert.Equal("blues", fromPath.Labels[0]);
        Assert.Equal(fromPath.Card.ToJson(), fromStream.Card.ToJson());
        Assert.Equal(fromPath.Card.ToJson(), fromBytes.Card.ToJson());
        Assert.Equal(TinyModel.Path, fromPath.Source);
        Assert.Equal("tiny.onnx", fromStream.Source);
        Assert.Empty(fromPath.Warnings);
        Assert.Equal(ExecutionDevice.Cpu, fromPath.Device);
    }

    [Fact]
    public void A_model_without_metadata_names_the_missing_card()
    {
        byte[] bare = OnnxMetadataEditor.WithMetadata(TinyModel.Bytes);

        var error = Assert.Throws<ModelCardException>(() => GenreClassifier.Open(bare, "bare.onnx"));

        Assert.StartsWith("bare.onnx", error.Message);
        Assert.Contains(ModelCard.MetadataKey, error.Message);
    }

    [Fact]
    public void Malformed_card_json_is_reported_with_the_source()
    {
        byte[] broken = TinyModel.WithCardJson("{ \"labels\": [\"a\", ");

        var error = Assert.Throws<ModelCardException>(() => GenreClassifier.Open(broken, "broken.onnx"));

        Assert.StartsWith("broken.onnx", error.Message);
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        JsonObject card = JsonNode.Parse(TinyModel.Card.ToJson())!.AsObject();
        card.Remove("windowFrames");

        var error = Assert.Throws<ModelCardException>(() => GenreClassifier.Open(TinyModel.WithCardJson(card.ToJsonString()), "m.onnx"));

        Assert.Contains("windowFrames", error.Message);
    }

    [Fact]
    public void Labels_that_do_not_match_the_output_width_are_rejected()
    {
        ModelCard card = TinyModel.Card with { Labels = TinyModel.Card.Labels.Take(9).ToArray() };

        var error = Assert.Throws<ModelCardException>(() => GenreClassifier.Open(TinyModel.WithCard(card), "m.onnx"));

        Assert.Equal("labels", error.Field);
        Assert.Contains("9 labels", error.Message);
        Assert.Contains("10 classes", error.Message);
    }

    [Fact]
    public void A_window_length_that_does_not_match_the_input_shape_is_rejected()
    {
        ModelCard card = TinyModel.Card with { WindowFrames = 128 };

        var error = Assert.Throws<ModelCardException>(() => GenreClassifier.Open(TinyModel.WithCard(card), "m.onnx"));

        Assert.Equal("windowFrames", error.Field);
        Assert.Contains("[N, 1, 32, 128]", error.Message);
    }

    [Fact]
    public void A_band_count_that_does_not_match_the_input_shape_is_rejected()
    {
        ModelCard card = TinyModel.Card with { Features = TinyModel.Card.Features with { MelBands = 64 } };

        var error = Assert.Throws<ModelCardException>(() => GenreClassifier.Open(TinyModel.WithCard(card), "m.onnx"));

        Assert.Equal("features.melBands", error.Field);
    }

    [Fact]
    public void An_unknown_input_or_output_name_is_rejected()
    {
        var input = Assert.Throws<ModelCardException>(() => GenreClassifier.Open(TinyModel.WithCard(TinyModel.Card with { InputName = "mel" })));
        var output = Assert.Throws<ModelCardException>(() => GenreClassifier.Open(TinyModel.WithCard(TinyModel.Card with { ProbabilitiesOutput = "probs" })));

        Assert.Equal("inputName", input.Field);
        Assert.Contains("logmel", input.Message);
        Assert.Equal("probabilitiesOutput", output.Field);
    }

    [Fact]
    public void Bytes_that_are_not_a_model_say_so()
    {
        var error = Assert.Throws<InvalidDataException>(() => GenreClassifier.Open("not a model"u8.ToArray(), "junk.onnx"));
        Assert.StartsWith("junk.onnx", error.Message);

        Assert.Throws<InvalidDataException>(() => GenreClassifier.Open(Array.Empty<byte>(), "empty.onnx"));
        Assert.Throws<FileNotFoundException>(() => GenreClassifier.Open("/nonexistent/model.onnx"));
    }

    [Fact]
    public void Bad_options_are_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => GenreClassifier.Open(TinyModel.Path, new GenreClassifierOptions { WindowBatchSize = 0 }));
        Assert.Contains("WindowBatchSize", error.Message);
    }

    [SkippableFact]
    public void Asking_for_cuda_without_the_gpu_runtime_falls_back_to_the_cpu_with_a_warning()
    {
        var logged = new List<string>();
        using var classifier = GenreClassifier.Open(TinyModel.Path, new GenreClassifierOptions { Device = ExecutionDevice.Cuda, Log = logged.Add });

        Skip.If(classifier.Device == ExecutionDevice.Cuda, "this machine has the GPU runtime and a CUDA device: there is nothing to fall back from");

        string warning = Assert.Single(classifier.Warnings);
        Assert.Contains("CUDA", warning);
        Assert.Contains("CPU build of ONNX Runtime", warning); // the tests run on Microsoft.ML.OnnxRuntime, so the advice is to reference the GPU package
        Assert.Contains("reference Microsoft.ML.OnnxRuntime.Gpu", warning);
        Assert.Equal(classifier.Warnings, logged);
        Assert.Equal(classifier.Labels.Count, classifier.Classify(TestClips.Samples("jazz", seconds: 2), 22050).Scores.Count);
    }
}
