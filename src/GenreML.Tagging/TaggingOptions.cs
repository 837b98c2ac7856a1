using GenreML.Tagging.Planning;

namespace GenreML.Tagging;

/// <summary>How <see cref="LibraryTagger"/> chooses and writes genres.</summary>
public sealed record TaggingOptions
{
    /// <summary>Which of the model's genres to write.</summary>
    public GenreChoice Choice { get; init; } = new();

    /// <summary>Mode and delimiter.</summary>
    public TagPlanner Planner { get; init; } = new();

    /// <summary>Tag WAV files too, with an ID3v2 chunk (many players ignore it; off by default).</summary>
    public bool WavId3 { get; init; }

    /// <summary>Give a rewritten file its old modification time.</summary>
    public bool KeepModificationTime { get; init; }
}
