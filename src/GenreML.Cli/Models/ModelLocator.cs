using GenreML.Cli.Invocation;

namespace GenreML.Cli.Models;

/// <summary>
/// Finds the model for commands whose <c>--model</c> is optional: the given path, or else
/// <see cref="DefaultRelativePath"/> in the current folder or the app's folder or any folder above them,
/// up to the repository root (the folder holding GenreML.sln or .git).
/// </summary>
internal static class ModelLocator
{
    /// <summary>Where the project's trained model lives, relative to the repository root.</summary>
    public static readonly string DefaultRelativePath = Path.Combine("onnx", "genreml-gtzan.onnx");

    /// <summary>The model to use.</summary>
    /// <exception cref="FileNotFoundException">No path was given and the default model is nowhere to be found.</exception>
    public static string Resolve(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return explicitPath;
        }

        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (string start in starts)
        {
            if (Search(start) is { } found)
            {
                return found;
            }
        }

        throw new FileNotFoundException(
            $"No --model given and no {DefaultRelativePath} found in {string.Join(" or ", starts)} or above them up to the repository root; pass --model path/to/model.onnx.");
    }

    /// <summary>
    /// Resolves the model (<see cref="Resolve"/>) and opens it with <paramref name="open"/>; any failure (no model
    /// found, missing file, not ONNX, truncated, no card) becomes one line: a <see cref="UsageException"/> (exit 2).
    /// </summary>
    public static T Open<T>(string? explicitPath, Func<string, T> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        string path;
        try
        {
            path = Resolve(explicitPath);
        }
        catch (FileNotFoundException e)
        {
            throw new UsageException(e.Message, e);
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"cannot load model '{path}': no such model file.");
        }

        try
        {
            return open(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            string reason = e.Message.Split('\n', 2)[0].Trim();
            throw new UsageException($"cannot load model '{path}': {reason}", e);
        }
    }

    private static string? Search(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, DefaultRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (File.Exists(Path.Combine(folder.FullName, "GenreML.sln")) || Directory.Exists(Path.Combine(folder.FullName, ".git")) || File.Exists(Path.Combine(folder.FullName, ".git")))
            {
                return null;
            }
        }

        return null;
    }
}
