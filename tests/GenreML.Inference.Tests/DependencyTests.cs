namespace GenreML.Inference.Tests;

public sealed class DependencyTests
{
    [Fact]
    public void The_library_references_only_the_runtime_onnx_runtime_and_genreml_audio()
    {
        string[] foreign = typeof(GenreClassifier).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !name.StartsWith("System", StringComparison.Ordinal) && name != "netstandard")
            .Order()
            .ToArray();

        Assert.Equal(["GenreML.Audio", "Microsoft.ML.OnnxRuntime"], foreign);
    }
}
