namespace GenreML.MLNet.Heads;

/// <summary>
/// A trained linear classifier on embeddings: <c>probabilities = softmax(W · embedding + b)</c>, what ONNX writes as
/// <c>Gemm(transB = 1)</c> + <c>Softmax</c>. W and b read the raw embedding: the standardisation the head was trained
/// with is folded into them (see <see cref="HeadTrainer"/>).
/// </summary>
/// <param name="Labels">The labels in output order.</param>
/// <param name="Weights">W, row-major <c>[Labels.Count, Width]</c>.</param>
/// <param name="Biases">b, <c>[Labels.Count]</c>.</param>
/// <param name="Width">Values per embedding.</param>
public sealed record LinearHead(IReadOnlyList<string> Labels, float[] Weights, float[] Biases, int Width)
{
    /// <summary>The L2 weight the head was trained with.</summary>
    public float L2 { get; init; }

    /// <summary>The class probabilities of one embedding (label order), computed as the ONNX head does.</summary>
    public float[] Predict(ReadOnlySpan<float> embedding)
    {
        if (embedding.Length != Width)
        {
            throw new ArgumentException($"the embedding has {embedding.Length} values, the head reads {Width}", nameof(embedding));
        }

        var logits = new double[Labels.Count];
        for (int k = 0; k < logits.Length; k++)
        {
            double z = Biases[k];
            for (int d = 0; d < Width; d++)
            {
                z += Weights[(k * Width) + d] * embedding[d];
            }

            logits[k] = z;
        }

        double max = logits.Max();
        double sum = logits.Sum(z => Math.Exp(z - max));
        return logits.Select(z => (float)(Math.Exp(z - max) / sum)).ToArray();
    }
}
