using GenreML.Audio.Features;

namespace GenreML.Inference.Answers;

/// <summary>
/// Gathers <see cref="MusicEvidence"/>'s spectral statistics from a log-Mel spectrogram (dB) that arrives in
/// blocks of frames, in frame order, with the same arithmetic in the same order as for a whole spectrogram
/// (which is one block). Keeps three numbers per frame (24 bytes; the 95th-percentile energy needs them all),
/// in arrays of the clip's frame count when it is known in advance (a streamed clip's, from pass 1).
/// </summary>
internal sealed class SpectralStatistics
{
    private readonly int _bands;
    private readonly float[] _previous;
    private double[] _flatness;
    private double[] _energy;
    private double[] _centroid;
    private int _frames;
    private double _flux;

    /// <summary>Statistics of a spectrogram of <paramref name="bands"/> bands and about <paramref name="frames"/> frames.</summary>
    public SpectralStatistics(int bands, int frames)
    {
        _bands = bands;
        _previous = new float[bands];
        _flatness = new double[frames];
        _energy = new double[frames];
        _centroid = new double[frames];
    }

    /// <summary>Adds the next frames.</summary>
    /// <exception cref="ArgumentException">The block has another band count.</exception>
    public void Add(Spectrogram block)
    {
        if (block.Bands != _bands)
            throw new ArgumentException($"the block has {block.Bands} bands, expected {_bands}", nameof(block));
        int bands = _bands;
        if (_frames + block.Frames > _flatness.Length)
        {
            int capacity = Math.Max(_frames + block.Frames, 2 * _flatness.Length);
            Array.Resize(ref _flatness, capacity);
            Array.Resize(ref _energy, capacity);
            Array.Resize(ref _centroid, capacity);
        }

        for (int t = 0; t < block.Frames; t++)
        {
            bool hasPrevious = _frames > 0;
            double sum = 0, logSum = 0, weighted = 0;
            for (int b = 0; b < bands; b++)
            {
                double db = block[b, t];
                double power = Math.Pow(10, db / 10);
                sum += power;
                logSum += Math.Log(Math.Max(power, 1e-12));
                weighted += b * power;
                if (hasPrevious)
                {
                    _flux += Math.Abs(db - _previous[b]);
                }

                _previous[b] = (float)db;
            }

            _flatness[_frames] = sum > 0 ? Math.Exp(logSum / bands) / (sum / bands) : 1;
            _energy[_frames] = 10 * Math.Log10(Math.Max(sum, 1e-12));
            _centroid[_frames] = sum > 0 ? weighted / sum / Math.Max(1, bands - 1) : 0;
            _frames++;
        }
    }

    /// <summary>The statistics of all the frames added (<see cref="MusicEvidence.SpectralCount"/> values).</summary>
    public double[] Result()
    {
        if (_frames != _flatness.Length)
        {
            Array.Resize(ref _flatness, _frames);
            Array.Resize(ref _energy, _frames);
            Array.Resize(ref _centroid, _frames);
        }

        return MusicEvidence.Spectral(_flatness, _energy, _centroid, _flux, _bands);
    }
}
