using GenreML.Inference.Tests.Fixtures;

namespace GenreML.Inference.Tests;

/// <summary>GenreClassifier.OpenDefault() is the shipped model, read from the library itself.</summary>
public sealed class OpenDefaultTests
{
    [Fact]
    public void It_is_the_shipped_model_file_and_classifies_like_it()
    {
        using var embedded = GenreClassifier.OpenDefault();
        using var file = GenreClassifier.Open(Path.Combine(AppContext.BaseDirectory, "Shipped", "genreml-gtzan.onnx"));

        Assert.Equal(file.Card.ToJson(), embedded.Card.ToJson());
        float[] clip = TestClips.Samples("metal", seconds: 4);
        var expected = file.Classify(clip, 22050);
        var actual = embedded.Classify(clip, 22050);
        Assert.Equal(expected.Genre, actual.Genre);
        Assert.All(file.Labels, genre => Assert.Equal(expected.ProbabilityOf(genre), actual.ProbabilityOf(genre)));
    }
}
