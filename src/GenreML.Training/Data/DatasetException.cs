namespace GenreML.Training.Data;

/// <summary>The training data cannot be used as given: the message names the file and what is wrong with it.</summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatasetException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
