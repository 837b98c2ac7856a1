using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using GenreML.Inference;

namespace GenreML.MLNet.Saving;

/// <summary>
/// The classifiers of the saved pipelines in use, opened once per model text: the text is the same string object on
/// every row of a pipeline, so the usual lookup is by reference; text that is not a whole string is looked up by its
/// SHA-256. Classifiers are thread-safe, so rows of parallel cursors share one. A classifier looked up by reference lives
/// as long as the pipeline that holds the text.
/// </summary>
internal static class SavedScoringClassifiers
{
    private static readonly ConditionalWeakTable<string, GenreClassifier> ByText = new();
    private static readonly ConcurrentDictionary<string, Lazy<GenreClassifier>> ByHash = new(StringComparer.Ordinal);

    /// <summary>The classifier for the model text of a row.</summary>
    /// <inheritdoc cref="SavedScoringModel.Parse" path="/exception"/>
    public static GenreClassifier For(ReadOnlyMemory<char> modelText)
    {
        if (MemoryMarshal.TryGetString(modelText, out string? text, out int start, out int length) && start == 0 && length == text.Length)
        {
            return ByText.GetValue(text, t => Open(t.AsMemory()));
        }

        return ForHash(modelText);
    }

    private static GenreClassifier ForHash(ReadOnlyMemory<char> modelText)
    {
        string hash = Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(modelText.Span)));
        return ByHash.GetOrAdd(hash, _ => new Lazy<GenreClassifier>(() => Open(modelText))).Value;
    }

    private static GenreClassifier Open(ReadOnlyMemory<char> modelText)
    {
        SavedScoringModel saved = SavedScoringModel.Parse(modelText.Span);
        var options = new GenreClassifierOptions { MinConfidence = saved.MinConfidence, IntraOpThreads = 1, InterOpThreads = 1 };
        return GenreClassifier.Open(saved.Model, "saved ML.NET pipeline's model", options);
    }
}
