namespace GenreML.Audio.Synthesis;

/// <summary>
/// Elementary instrument voices that add themselves into a mono buffer: enough to give synthetic
/// clips recognisable tempo, rhythm and timbre. All voices are deterministic given their random source.
/// </summary>
internal static class SynthVoices
{
    /// <summary>A pitched note: a sum of harmonics with amplitude 1/k^<paramref name="rolloff"/>, an attack/exponential-decay envelope and optional soft clipping (distortion).</summary>
    public static void Tone(float[] buffer, int sampleRate, double startSeconds, double durationSeconds, double frequency,
        double amplitude, int harmonics, double rolloff, double attackSeconds, double decayPerSecond, double drive = 0)
    {
        int start = (int)(startSeconds * sampleRate);
        int length = (int)(durationSeconds * sampleRate);
        int end = Math.Min(buffer.Length, start + length);
        double nyquist = sampleRate / 2.0;
        int usable = Math.Max(1, Math.Min(harmonics, (int)(nyquist / frequency) - 1));
        var steps = new double[usable];
        var weights = new double[usable];
        double norm = 0;
        for (int k = 0; k < usable; k++)
        {
            steps[k] = 2 * Math.PI * frequency * (k + 1) / sampleRate;
            weights[k] = 1.0 / Math.Pow(k + 1, rolloff);
            norm += weights[k];
        }

        int releaseSamples = Math.Max(1, Math.Min(length / 4, sampleRate / 50));
        for (int i = Math.Max(0, start); i < end; i++)
        {
            int n = i - start;
            double t = (double)n / sampleRate;
            double envelope = (t < attackSeconds ? t / attackSeconds : Math.Exp(-decayPerSecond * (t - attackSeconds)))
                              * Math.Min(1.0, (double)(length - n) / releaseSamples);
            double value = 0;
            for (int k = 0; k < usable; k++)
            {
                value += weights[k] * Math.Sin(steps[k] * n);
            }

            value /= norm;
            if (drive > 0)
            {
                value = Math.Tanh(drive * value) / Math.Tanh(drive);
            }

            buffer[i] += (float)(amplitude * envelope * value);
        }
    }

    /// <summary>A kick drum: a sine whose pitch falls from about 150 Hz to 45 Hz.</summary>
    public static void Kick(float[] buffer, int sampleRate, double startSeconds, double amplitude)
    {
        int start = (int)(startSeconds * sampleRate);
        int length = (int)(0.25 * sampleRate);
        double phase = 0;
        for (int n = 0; n < length && start + n < buffer.Length; n++)
        {
            double t = (double)n / sampleRate;
            double frequency = 45 + 105 * Math.Exp(-t * 30);
            phase += 2 * Math.PI * frequency / sampleRate;
            buffer[start + n] += (float)(amplitude * Math.Exp(-t * 14) * Math.Sin(phase));
        }
    }

    /// <summary>Noise burst with an exponential decay, high-passed by first differencing when <paramref name="bright"/>: a snare (slow decay) or a hi-hat (fast, bright).</summary>
    public static void Noise(float[] buffer, int sampleRate, double startSeconds, double amplitude, double decayPerSecond, bool bright, Random random)
    {
        int start = (int)(startSeconds * sampleRate);
        int length = (int)(Math.Min(1.0, 6.0 / decayPerSecond) * sampleRate);
        double previous = 0;
        for (int n = 0; n < length && start + n < buffer.Length; n++)
        {
            double white = random.NextDouble() * 2 - 1;
            double sample = bright ? (white - previous) * 0.5 : white;
            previous = white;
            buffer[start + n] += (float)(amplitude * Math.Exp(-decayPerSecond * n / sampleRate) * sample);
        }
    }
}
