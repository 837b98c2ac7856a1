namespace GenreML.MLNet.Results;

/// <summary>
/// The field names of a result, the same in <c>score</c>'s JSON Lines and CSV files and in <c>predict --json</c>
/// (CSV columns in this order: <see cref="CsvHeader"/>). Lists in CSV are joined with ';'.
/// </summary>
public static class ResultFields
{
    /// <summary>The audio file, as it was found or given.</summary>
    public const string Path = "path";

    /// <summary>
    /// Whether <see cref="Genre"/> is an answer: <c>ok</c>, or why not (<c>too_short</c>, <c>silence</c>, <c>not_music</c>,
    /// <c>uncertain</c>; see <see cref="Inference.Answers.ResultStatus"/>). Absent or empty when the file failed.
    /// </summary>
    public const string Status = "status";

    /// <summary>The most probable genre (the card's aggregation over the windows, calibrated; an answer only when <see cref="Status"/> is <c>ok</c>).</summary>
    public const string Genre = "genre";

    /// <summary>Its probability.</summary>
    public const string Probability = "probability";

    /// <summary>The k most probable genres, most probable first.</summary>
    public const string TopGenres = "top_genres";

    /// <summary>Their probabilities.</summary>
    public const string TopProbabilities = "top_probabilities";

    /// <summary>Length of the audio in seconds.</summary>
    public const string Seconds = "seconds";

    /// <summary>Why the file could not be scored (absent or empty when it was).</summary>
    public const string Error = "error";

    /// <summary>File size in bytes when it was scored (identity for <c>--resume</c>).</summary>
    public const string Size = "size";

    /// <summary>Last modification time (UTC, ISO 8601 round-trip) when it was scored (identity for <c>--resume</c>).</summary>
    public const string Mtime = "mtime";

    /// <summary>SHA-256 of the content, when asked for (identity for <c>--resume</c> that survives copies and touches).</summary>
    public const string Sha256 = "sha256";

    /// <summary>The model that scored the file: its file name and the start of its SHA-256.</summary>
    public const string Model = "model";

    /// <summary>How many windows the audio was cut into (<c>predict --json</c>).</summary>
    public const string Windows = "windows";

    /// <summary>The model's probability that the audio is not music, when its card has a not-music check (<c>predict --json</c>).</summary>
    public const string NotMusicScore = "not_music_score";

    /// <summary>Every genre's probability, by genre (<c>predict --json</c>).</summary>
    public const string Probabilities = "probabilities";

    /// <summary>The genre timeline: consecutive windows with the same top genre merged, each with <see cref="Start"/>, <see cref="End"/>, <see cref="Genre"/>, <see cref="Probability"/>.</summary>
    public const string Segments = "segments";

    /// <summary>Every window with <see cref="Start"/>, <see cref="End"/>, <see cref="Genre"/>, <see cref="Probability"/> and <see cref="Probabilities"/>.</summary>
    public const string WindowPredictions = "window_predictions";

    /// <summary>Start of a segment or window, in seconds.</summary>
    public const string Start = "start";

    /// <summary>End of a segment or window, in seconds.</summary>
    public const string End = "end";

    /// <summary>The CSV header line.</summary>
    public static string CsvHeader { get; } = string.Join(',', Path, Status, Genre, Probability, TopGenres, TopProbabilities, Seconds, Error, Size, Mtime, Sha256, Model);
}
