namespace GenreML.Tagging.Planning;

/// <summary>What to do with a genre the file already has.</summary>
public enum TagMode
{
    /// <summary>Leave a file that already has a genre alone (the default: the user's tags win).</summary>
    Keep,

    /// <summary>Replace the file's genre by ours.</summary>
    Replace,

    /// <summary>Add our genres after the file's, leaving out those it already has (compared case-insensitively).</summary>
    Merge,
}
