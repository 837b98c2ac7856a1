using System.Security.Cryptography;

namespace GenreML.MLNet.Results;

/// <summary>How a results file names the model that made a result: <c>&lt;file name&gt;@&lt;first 12 hex digits of its SHA-256&gt;</c>.</summary>
public static class ModelIdentity
{
    /// <summary>The identity of the model file at <paramref name="modelPath"/> (reads the file once).</summary>
    public static string Of(string modelPath)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        using FileStream stream = File.OpenRead(modelPath);
        return $"{Path.GetFileName(modelPath)}@{Convert.ToHexStringLower(SHA256.HashData(stream))[..12]}";
    }
}
