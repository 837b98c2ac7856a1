using GenreML.Inference;
using GenreML.MLNet.Evaluation;
using GenreML.Audio;

namespace GenreML.MLNet.Heads;

/// <summary>Embeds labelled clips with a base model (<see cref="GenreClassifier.Embed"/>), through an optional cache; a clip that fails is reported and the rest go on.</summary>
public static class ClipEmbedder
{
    /// <summary>Embeds <paramref name="clips"/>, <paramref name="parallelism"/> files at a time; <paramref name="progress"/> hears the count done.</summary>
    /// <exception cref="InvalidOperationException">The base model has no embedding output.</exception>
    public static EmbeddedClips Embed(
        GenreClassifier baseModel, IReadOnlyList<LabelledClip> clips, EmbeddingCache? cache = null, int parallelism = 2,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseModel);
        ArgumentNullException.ThrowIfNull(clips);
        if (baseModel.EmbeddingWidth is null)
        {
            throw new InvalidOperationException(
                $"{baseModel.Source}: the base model has no '{baseModel.Card.EmbeddingOutput}' output; export it again with this version of GenreML (genreml export)");
        }

        var embeddings = new float[]?[clips.Count];
        var errors = new string?[clips.Count];
        int done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };
        Parallel.For(0, clips.Count, options, i =>
        {
            string path = clips[i].Path;
            try
            {
                float[]? cached = cache?.TryGet(path);
                embeddings[i] = cached ?? baseModel.Embed(path, cancellationToken);
                if (cached is null)
                {
                    cache?.Add(path, embeddings[i]!);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors[i] = FileErrorText.Naming(path, e);
            }

            progress?.Report(Interlocked.Increment(ref done));
        });
        cache?.Save();

        var kept = new List<LabelledClip>();
        var vectors = new List<float[]>();
        var failures = new List<ClipFailure>();
        for (int i = 0; i < clips.Count; i++)
        {
            if (embeddings[i] is { } embedding)
            {
                kept.Add(clips[i]);
                vectors.Add(embedding);
            }
            else
            {
                failures.Add(new ClipFailure(clips[i].Path, errors[i]!));
            }
        }

        return new EmbeddedClips(kept, vectors, failures);
    }
}
