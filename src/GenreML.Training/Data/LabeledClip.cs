namespace GenreML.Training.Data;

/// <summary>One audio file and its genre.</summary>
/// <param name="Path">Full path of the audio file.</param>
/// <param name="Label">Genre name.</param>
public sealed record LabeledClip(string Path, string Label)
{
    /// <summary>The clip's name: the file name without extension (e.g. <c>blues.00012</c>), the key of split files.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
}
