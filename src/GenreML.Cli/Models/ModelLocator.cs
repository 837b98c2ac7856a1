namespace GenreML.Cli.Models;

/// <summary>
/// Chooses the model a command uses: the one given with <c>--model</c>, or else the model shipped with
/// GenreML, <c>onnx/genreml-gtzan.onnx</c>, found in the repository the command runs in (searched upwards
/// from the current folder and from the program's folder).
/// </summary>
internal static class ModelLocator
{
    /// <summary>The shipped model's path relative to the repository root.</summary>
    public static readonly string ShippedModelRelativePath = Path.Combine("onnx", "genreml-gtzan.onnx");

    /// <summary>
    /// The model path to use. Returns false with a message saying what to do when the given file does not
    /// exist, or when none was given and no shipped model is found.
    /// </summary>
    public static bool TryResolve(FileInfo? given, out string path, out string error)
    {
        error = "";
        if (given is not null)
        {
            path = given.FullName;
            if (!given.Exists)
            {
                error = $"{given.FullName}: no such model file";
                return false;
            }

            return true;
        }

        path = FindShipped() ?? "";
        if (path.Length == 0)
        {
            error = $"no --model given and no shipped model ({ShippedModelRelativePath}) found above {Environment.CurrentDirectory}: pass --model path/to/model.onnx (a run folder's model.onnx from 'genreml train')";
            return false;
        }

        return true;
    }

    private static string? FindShipped()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                string candidate = Path.Combine(folder.FullName, ShippedModelRelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
