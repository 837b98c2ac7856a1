namespace GenreML.Audio.Features;

/// <summary>
/// A Mel filter bank stored as each band's run of nonzero weights (first bin, weights), so applying it
/// costs about two multiply-adds per FFT bin instead of a dense bands × bins product.
/// </summary>
internal sealed class SparseMelBank
{
    /// <summary>Compacts a dense [bands, bins] bank.</summary>
    public SparseMelBank(float[,] dense)
    {
        Bands = dense.GetLength(0);
        Bins = dense.GetLength(1);
        Starts = new int[Bands];
        Weights = new float[Bands][];
        for (int b = 0; b < Bands; b++)
        {
            int first = 0;
            while (first < Bins && dense[b, first] == 0f)
            {
                first++;
            }

            int end = Bins;
            while (end > first && dense[b, end - 1] == 0f)
            {
                end--;
            }

            Starts[b] = first == Bins ? 0 : first;
            var run = new float[Math.Max(0, end - first)];
            for (int k = 0; k < run.Length; k++)
            {
                run[k] = dense[b, first + k];
            }

            Weights[b] = run;
        }
    }

    /// <summary>Number of bands.</summary>
    public int Bands { get; }

    /// <summary>Number of FFT bins the bank was built for.</summary>
    public int Bins { get; }

    /// <summary>First bin of each band's nonzero run.</summary>
    public int[] Starts { get; }

    /// <summary>Each band's weights from its first bin on (empty for a band that covers no bin).</summary>
    public float[][] Weights { get; }
}
