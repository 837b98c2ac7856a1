using GenreML.Inference.Loading;
using GenreML.Inference.Cards;
using GenreML.MLNet.Data;
using GenreML.MLNet.Evaluation;
using GenreML.MLNet.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GenreML.MLNet.Tests;

/// <summary>Wrong inputs give clear errors, in the manner of ML.NET's own negative tests.</summary>
public sealed class NegativeTests
{
    private readonly MLContext _ml = new(seed: 1);

    private sealed class FileRow
    {
        public string File { get; set; } = "";
    }

    private sealed class NumericPathRow
    {
        public float Path { get; set; }
    }

    private sealed class VectorLabelRow
    {
        public string Path { get; set; } = "";

        [VectorType(2)]
        public float[] Label { get; set; } = [0, 0];
    }

    private sealed class WrongScoreRow
    {
        public string Path { get; set; } = "";

        [VectorType(4)]
        public float[] Score { get; set; } = [0, 0, 0, 0];
    }

    [Fact]
    public void Wrong_path_column_name_is_reported_with_the_columns_present()
    {
        using GenreScoringTransformer scorer = _ml.Transforms.ScoreGenres(TestAudio.TinyModel);
        IDataView input = _ml.Data.LoadFromEnumerable([new FileRow { File = "a.wav" }]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => scorer.Transform(input));

        Assert.Contains("'Path'", error.Message);
        Assert.Contains("'File'", error.Message);
    }

    [Fact]
    public void Custom_path_column_name_is_honoured()
    {
        using var audio = new TestAudio();
        string clip = audio.AddClip("a.wav", "jazz", 0, seconds: 1);
        using GenreScoringTransformer scorer = _ml.Transforms.ScoreGenres(new GenreScoringOptions { ModelPath = TestAudio.TinyModel, PathColumnName = "File" });

        ScoredClip scored = Assert.Single(ScoredClipReader.Read(scorer.Transform(_ml.Data.LoadFromEnumerable([new FileRow { File = clip }]))));

        Assert.True(scored.Succeeded);
    }

    [Fact]
    public void Path_column_of_the_wrong_type_is_reported()
    {
        using GenreScoringTransformer scorer = _ml.Transforms.ScoreGenres(TestAudio.TinyModel);

        var error = Assert.Throws<ArgumentException>(() => scorer.GetOutputSchema(_ml.Data.LoadFromEnumerable([new NumericPathRow()]).Schema));

        Assert.Contains("'Path'", error.Message);
        Assert.Contains("must be text", error.Message);
        Assert.Contains("Single", error.Message);
    }

    [Fact]
    public void Label_column_of_the_wrong_type_is_reported()
    {
        using GenreScoringTransformer scorer = _ml.Transforms.ScoreGenres(TestAudio.TinyModel);

        var error = Assert.Throws<ArgumentException>(() => scorer.Transform(_ml.Data.LoadFromEnumerable([new VectorLabelRow()])));

        Assert.Contains("'Label'", error.Message);
    }

    [Fact]
    public void Score_vector_of_the_wrong_size_or_without_genre_names_is_reported()
    {
        IDataView wrong = _ml.Data.LoadFromEnumerable([new WrongScoreRow()]);

        var error = Assert.Throws<ArgumentException>(() => _ml.MulticlassClassification.EvaluateGenres(wrong));

        Assert.Contains("'Score'", error.Message);
        Assert.Contains("slot names", error.Message);
    }

    [Fact]
    public void Getter_of_the_wrong_type_is_reported()
    {
        using var audio = new TestAudio();
        audio.AddClip("jazz/a.wav", "jazz", 0, seconds: 1);
        using GenreScoringTransformer scorer = _ml.Transforms.ScoreGenres(TestAudio.TinyModel);
        IDataView scored = scorer.Transform(_ml.Data.LoadFromAudioFolder(audio.Root));
        using DataViewRowCursor cursor = scored.GetRowCursor(scored.Schema);

        var error = Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<float>(scored.Schema[AudioColumns.Score]));

        Assert.Contains("'Score'", error.Message);
    }

    [Theory]
    [InlineData("windowFrames", 48, 32, 10)]
    [InlineData("features.melBands", 64, 40, 10)]
    [InlineData("labels", 64, 32, 8)]
    public void Card_that_does_not_match_the_model_is_reported_with_the_field(string field, int windowFrames, int melBands, int labels)
    {
        ModelCard card = ModelContract.Load(TestAudio.TinyModel);
        ModelCard wrong = card with
        {
            WindowFrames = windowFrames,
            Features = card.Features with { MelBands = melBands },
            Labels = card.Labels.Take(labels).ToArray(),
        };

        var error = Assert.Throws<ModelCardException>(() =>
            _ml.Transforms.ScoreGenres(new GenreScoringOptions { ModelPath = TestAudio.TinyModel, Card = wrong }));

        Assert.Equal(field, error.Field);
        Assert.Contains("tiny-genre.onnx", error.Message);
    }

    [Fact]
    public void Card_naming_an_input_the_model_lacks_is_reported()
    {
        ModelCard wrong = ModelContract.Load(TestAudio.TinyModel) with { InputName = "mel" };

        var error = Assert.Throws<ModelCardException>(() =>
            _ml.Transforms.ScoreGenres(new GenreScoringOptions { ModelPath = TestAudio.TinyModel, Card = wrong }));

        Assert.Contains("no input 'mel'", error.Message);
        Assert.Contains("logmel", error.Message);
    }

    [Fact]
    public void Card_input_name_that_clashes_with_a_pipeline_column_is_reported()
    {
        ModelCard wrong = ModelContract.Load(TestAudio.TinyModel) with { InputName = "Path" };

        var error = Assert.Throws<ModelCardException>(() =>
            _ml.Transforms.ScoreGenres(new GenreScoringOptions { ModelPath = TestAudio.TinyModel, Card = wrong }));

        Assert.Equal("inputName", error.Field);
    }

    [Fact]
    public void Missing_model_file_is_reported()
    {
        var error = Assert.Throws<FileNotFoundException>(() => _ml.Transforms.ScoreGenres("/no/such/model.onnx"));
        Assert.Contains("/no/such/model.onnx", error.Message);
    }

    [Fact]
    public void Non_positive_thread_count_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ml.Transforms.ScoreGenres(TestAudio.TinyModel, threads: 0));
    }
}
