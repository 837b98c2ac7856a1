/// <summary>Finds the default model, <c>onnx/genreml-gtzan.onnx</c>, of the GenreML repository this sample runs from.</summary>
internal static class RepositoryModel
{
    /// <summary>The model's path, or null when no enclosing folder holds GenreML.sln and that model.</summary>
    public static string? Find()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                string candidate = Path.Combine(folder.FullName, "onnx", "genreml-gtzan.onnx");
                if (File.Exists(Path.Combine(folder.FullName, "GenreML.sln")) && File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
