namespace GenreML.Audio.Decoding;

/// <summary>
/// The channel mean of decoded float samples, computed exactly as <see cref="SampleConverter"/>
/// computes it for PCM (mono copied, stereo (l + r) × 0.5, more channels summed in order then
/// scaled by 1/channels), so that a managed decoder and ffmpeg's float output downmix to the same bits.
/// </summary>
internal static class MonoDownmix
{
    /// <summary>Downmixes <paramref name="mono"/>.Length interleaved frames of <paramref name="channels"/> channels.</summary>
    public static void Interleaved(ReadOnlySpan<float> interleaved, int channels, Span<float> mono)
    {
        if (channels == 1)
        {
            interleaved[..mono.Length].CopyTo(mono);
            return;
        }

        if (channels == 2)
        {
            for (int i = 0; i < mono.Length; i++)
            {
                mono[i] = (interleaved[2 * i] + interleaved[(2 * i) + 1]) * 0.5f;
            }

            return;
        }

        float scale = 1f / channels;
        for (int i = 0, at = 0; i < mono.Length; i++, at += channels)
        {
            float sum = interleaved[at];
            for (int c = 1; c < channels; c++)
            {
                sum += interleaved[at + c];
            }

            mono[i] = sum * scale;
        }
    }
}
