namespace GenreML.Audio.Decoding;

/// <summary>A growable float buffer for decoded samples, bounded by the largest array .NET allows.</summary>
internal sealed class MonoSampleBuffer
{
    private float[] _samples;

    /// <summary>Starts with room for <paramref name="capacity"/> samples.</summary>
    public MonoSampleBuffer(int capacity) => _samples = new float[Math.Max(capacity, 0)];

    /// <summary>Samples written so far.</summary>
    public int Count { get; private set; }

    /// <summary>Reserves <paramref name="count"/> more samples and returns the span to fill.</summary>
    public Span<float> Append(int count, string source)
    {
        long needed = (long)Count + count;
        if (needed > Array.MaxLength)
        {
            throw new AudioFormatException(source, $"the audio is longer than the {Array.MaxLength} samples one signal can hold");
        }

        if (needed > _samples.Length)
        {
            long grown = Math.Max(needed, Math.Min(Array.MaxLength, Math.Max(4096L, 2L * _samples.Length)));
            Array.Resize(ref _samples, (int)grown);
        }

        var span = _samples.AsSpan(Count, count);
        Count += count;
        return span;
    }

    /// <summary>The samples, in an array of exactly <see cref="Count"/> elements.</summary>
    public float[] ToArray()
    {
        if (_samples.Length != Count)
        {
            Array.Resize(ref _samples, Count);
        }

        return _samples;
    }
}
