namespace GenreML.Inference.Input;

/// <summary>Turns interleaved multi-channel samples into mono by averaging the channels of each frame.</summary>
internal static class InterleavedDownmix
{
    /// <exception cref="ArgumentException">The sample count is not a multiple of the channel count, or a sample is not finite.</exception>
    public static float[] ToMono(ReadOnlySpan<float> interleaved, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (interleaved.Length % channels != 0)
        {
            throw new ArgumentException($"{interleaved.Length} interleaved samples are not a whole number of {channels}-channel frames.", nameof(interleaved));
        }

        var mono = new float[interleaved.Length / channels];
        if (channels == 1)
        {
            interleaved.CopyTo(mono);
        }
        else
        {
            float scale = 1f / channels;
            for (int frame = 0, i = 0; frame < mono.Length; frame++)
            {
                float sum = 0;
                for (int c = 0; c < channels; c++, i++)
                {
                    sum += interleaved[i];
                }

                mono[frame] = sum * scale;
            }
        }

        for (int i = 0; i < mono.Length; i++)
        {
            if (!float.IsFinite(mono[i]))
            {
                throw new ArgumentException($"sample frame {i} is not a finite number ({mono[i]}).", nameof(interleaved));
            }
        }

        return mono;
    }
}
