namespace GenreML.MLNet.Data;

/// <summary>Column names of the audio sources and of the genre scoring output.</summary>
public static class AudioColumns
{
    /// <summary>Path of the audio file (text).</summary>
    public const string Path = "Path";

    /// <summary>Genre: text in a source, a key over the model's labels after scoring.</summary>
    public const string Label = "Label";

    /// <summary>Mean window probabilities of a clip, float[labels], slot names = labels.</summary>
    public const string Score = "Score";

    /// <summary>The genre with the highest score (key over the model's labels).</summary>
    public const string PredictedLabel = "PredictedLabel";

    /// <summary>Clip duration in seconds (double).</summary>
    public const string Duration = "Duration";

    /// <summary>Number of windows the clip was cut into (int).</summary>
    public const string Windows = "Windows";

    /// <summary>Why the clip could not be scored (text; empty when it was).</summary>
    public const string Error = "Error";

    /// <summary>
    /// Whether the clip's genre is an answer: one of <see cref="Inference.Answers.ResultStatus"/> (<c>ok</c>, <c>too_short</c>,
    /// <c>silence</c>, <c>not_music</c>, <c>uncertain</c>), text; empty when the clip could not be scored.
    /// </summary>
    public const string Status = "Status";

    /// <summary>The clip's <see cref="Inference.Answers.ClipEvidence"/> as a float vector, on every window row (internal to scoring).</summary>
    public const string Evidence = "Evidence";

    /// <summary>
    /// The model card as JSON: an annotation of the Score column of an in-memory scorer's output, and in a saved and
    /// reloaded pipeline a key column whose one key value is the card (ML.NET has no other savable way to put text in a
    /// schema). Read it with <see cref="Microsoft.ML.GenreSchemaExtensions.GetGenreCard"/>.
    /// </summary>
    public const string Card = "GenreCard";

    /// <summary>
    /// The network's (uncalibrated) probabilities of every window of a clip, window after window (windows × labels floats,
    /// a vector of varying length); in the scored clips only with <see cref="Scoring.GenreScoringOptions.IncludeWindows"/>.
    /// </summary>
    public const string WindowScores = "WindowScores";

    /// <summary>Position of the clip in its source (long), shared by all windows of one clip.</summary>
    public const string ClipIndex = "ClipIndex";
}
