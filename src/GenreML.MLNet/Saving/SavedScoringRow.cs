using System.ComponentModel;
using Microsoft.ML.Data;

namespace GenreML.MLNet.Saving;

/// <summary>
/// What the saved scoring step reads from a row: the audio file and the model it is scored with. Public only because
/// ML.NET's <c>CustomMapping</c> builds rows of this type when it loads a saved pipeline; not meant to be used directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SavedScoringInput
{
    /// <summary>Column holding the audio file's path (a copy of the pipeline's path column).</summary>
    public const string PathColumn = "GenreMLPath";

    /// <summary>Column holding the model (see <see cref="SavedScoringModel"/>), a constant of the saved pipeline.</summary>
    public const string ModelColumn = "GenreMLModel";

    /// <summary>The audio file.</summary>
    [ColumnName(PathColumn)]
    public ReadOnlyMemory<char> Path { get; set; }

    /// <summary>The model, as <see cref="SavedScoringModel.Serialize"/> wrote it.</summary>
    [ColumnName(ModelColumn)]
    public ReadOnlyMemory<char> Model { get; set; }
}

/// <summary>
/// What the saved scoring step writes for a row; the columns of <see cref="Scoring.ClipScoreSchema"/> except that
/// Score is a vector of unstated size (ML.NET's custom mappings cannot size it per model) and the predicted genre
/// is text until the pipeline's own key mapping turns it into PredictedLabel. Public only for ML.NET's <c>CustomMapping</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SavedScoringOutput
{
    /// <summary>Column holding the predicted genre's name before it becomes a key.</summary>
    public const string PredictedGenreColumn = "GenreMLPredictedGenre";

    /// <summary>Calibrated clip probabilities in the card's label order; NaN when the clip failed.</summary>
    [VectorType]
    [ColumnName(Data.AudioColumns.Score)]
    public float[] Score { get; set; } = [];

    /// <summary>One of <see cref="Inference.Answers.ResultStatus"/>; empty when the clip failed.</summary>
    [ColumnName(Data.AudioColumns.Status)]
    public string Status { get; set; } = "";

    /// <summary>The most probable genre; empty when the clip failed.</summary>
    [ColumnName(PredictedGenreColumn)]
    public string PredictedGenre { get; set; } = "";

    /// <summary>Clip duration in seconds.</summary>
    [ColumnName(Data.AudioColumns.Duration)]
    public double Duration { get; set; }

    /// <summary>Windows the clip was cut into.</summary>
    [ColumnName(Data.AudioColumns.Windows)]
    public int Windows { get; set; }

    /// <summary>Why the clip could not be scored; empty when it was.</summary>
    [ColumnName(Data.AudioColumns.Error)]
    public string Error { get; set; } = "";
}
