using GenreML.MLNet.Evaluation;

namespace GenreML.MLNet.Heads;

/// <summary>The clips that could be embedded, each with its embedding, and the clips that could not (with the reason).</summary>
/// <param name="Clips">The embedded clips, in input order.</param>
/// <param name="Embeddings">The embedding of each clip of <paramref name="Clips"/>.</param>
/// <param name="Failures">The clips that could not be read or embedded.</param>
public sealed record EmbeddedClips(IReadOnlyList<LabelledClip> Clips, IReadOnlyList<float[]> Embeddings, IReadOnlyList<ClipFailure> Failures);
