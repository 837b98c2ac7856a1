using GenreML.Cli.Invocation;

namespace GenreML.Cli.Models;

/// <summary>
/// Finds the model for commands whose <c>--model</c> is optional: the given path, or else
/// <see cref="DefaultRelativePath"/> in the current folder or the app's folder or any folder above them,
/// up to the repository root (the folder holding GenreML.sln or .git). A bare file name that is not in the current
/// folder (e.g. <see cref="QuantisedFileName"/>) is looked up in the same <c>onnx/</c> folders, so the shipped
/// models are named the same way wherever the tool is installed.
/// </summary>
internal static class ModelLocator
{
    /// <summary>Where the project's trained model lives, relative to the repository root.</summary>
    public static readonly string DefaultRelativePath = Path.Combine("onnx", "genreml-gtzan.onnx");

    /// <summary>The shipped model's 8-bit copy (<c>genreml quantize</c>), shipped beside it.</summary>
    public const string QuantisedFileName = "genreml-gtzan.int8.onnx";

    /// <summary>The model to use.</summary>
    /// <exception cref="FileNotFoundException">No path was given and the default model is nowhere to be found.</exception>
    public static string Resolve(string? explicitPath)
    {
        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            bool bareName = Path.GetFileName(explicitPath) == explicitPath;
            return bareName && !File.Exists(explicitPath)
                ? starts.Select(start => Search(start, Path.Combine("onnx", explicitPath))).FirstOrDefault(found => found is not null) ?? explicitPath
                : explicitPath;
        }

        foreach (string start in starts)
        {
            if (Search(start, DefaultRelativePath) is { } found)
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

    private static string? Search(string start, string relativePath)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, relativePath);
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
