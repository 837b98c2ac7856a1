namespace GenreML.MLNet.Results;

/// <summary>File formats of <see cref="ResultsFileWriter"/>.</summary>
public enum PredictionFormat
{
    /// <summary>Comma-separated, one header line: path,status,genre,probability,top_genres,top_probabilities,duration_s,error (top lists joined with ';').</summary>
    Csv,

    /// <summary>One JSON object per line.</summary>
    JsonLines,
}
