using GenreML.Inference.Cards;
using GenreML.Inference.Loading;
using GenreML.Inference.Tests.Fixtures;

namespace GenreML.Inference.Tests.Loading;

public sealed class ModelContractTests
{
    [Fact]
    public void Load_returns_the_card_inside_the_model()
    {
        ModelCard card = ModelContract.Load(TinyModel.Path);
        Assert.Equal(TinyModel.Card.Labels, card.Labels);
        Assert.Equal(32, card.Features.MelBands);
    }

    [Fact]
    public void Load_checks_a_card_given_beside_the_model_against_the_graph()
    {
        ModelCard wrong = TinyModel.Card with { Labels = TinyModel.Card.Labels.Take(9).ToArray() };
        var error = Assert.Throws<ModelCardException>(() => ModelContract.Load(TinyModel.Path, wrong));
        Assert.Equal("labels", error.Field);
        Assert.Contains("tiny-genre.onnx", error.Message);
    }

    [Fact]
    public void Load_names_a_missing_file()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ModelContract.Load("/no/such/model.onnx"));
        Assert.Contains("/no/such/model.onnx", error.Message);
    }
}
