namespace GenreML.Audio.Synthesis;

/// <summary>
/// Renders short synthetic songs for the ten GTZAN genres, deterministically from a seed. The
/// genres differ in tempo, drum pattern, chord rhythm, timbre (harmonics, attack, decay, distortion)
/// and register; each clip varies tempo, key, balance and noise so a classifier has to generalise.
/// Used for the built-in demo data set, for tests and by anyone without GTZAN.
/// </summary>
public static class DemoSongSynthesizer
{
    /// <summary>The genre names the synthesizer knows, in GTZAN order.</summary>
    public static IReadOnlyList<string> Genres { get; } = GenreStyle.Gtzan.Select(s => s.Name).ToArray();

    /// <summary>
    /// Renders <paramref name="seconds"/> of the genre <paramref name="genre"/> at <paramref name="sampleRate"/>
    /// as mono samples in [-1, 1]. The same arguments always give the same samples.
    /// </summary>
    public static float[] Render(string genre, int variant, double seconds = 30, int sampleRate = 22050)
    {
        GenreStyle style = GenreStyle.Gtzan.FirstOrDefault(s => s.Name == genre)
            ?? throw new ArgumentException($"unknown genre '{genre}'; known: {string.Join(", ", Genres)}", nameof(genre));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);

        int genreIndex = GenreStyle.Gtzan.ToList().IndexOf(style);
        var random = new Random(unchecked(genreIndex * 1_000_003 + variant * 7_919 + 17));
        var buffer = new float[(int)(seconds * sampleRate)];
        double tempo = style.Tempo * (0.94 + 0.12 * random.NextDouble());
        double transpose = Math.Pow(2, random.Next(-3, 4) / 12.0);
        double stepSeconds = 60.0 / tempo / 4;
        double barSeconds = 16 * stepSeconds;
        double drumLevel = 0.25 + 0.1 * random.NextDouble();
        double chordLevel = 0.12 + 0.06 * random.NextDouble();

        for (int bar = 0; bar * barSeconds < seconds; bar++)
        {
            double root = style.RootHz * transpose * Math.Pow(2, style.Progression[bar % style.Progression.Length] / 12.0);
            for (int step = 0; step < 16; step++)
            {
                double swing = step % 2 == 1 ? style.Swing * stepSeconds : 0;
                double t = bar * barSeconds + step * stepSeconds + swing + random.NextDouble() * 0.004;
                if (t >= seconds)
                {
                    break;
                }

                if (style.Kick[step] == 'x') SynthVoices.Kick(buffer, sampleRate, t, drumLevel * 1.6);
                if (style.Snare[step] == 'x') SynthVoices.Noise(buffer, sampleRate, t, drumLevel * 0.7, 18, bright: false, random);
                if (style.HiHat[step] == 'x') SynthVoices.Noise(buffer, sampleRate, t, drumLevel * 0.35, 60, bright: true, random);
                if (style.Bass[step] == 'x')
                {
                    SynthVoices.Tone(buffer, sampleRate, t, stepSeconds * 1.8, root / 2, chordLevel * 1.4, 3, 1.5, 0.005, 4, style.ChordDrive / 3);
                }

                if (style.Chords[step] == 'x')
                {
                    double duration = style.ChordAttack > 0.1 ? barSeconds / 2 : stepSeconds * 2;
                    foreach (double interval in new[] { 0.0, 4 - (bar % 2), 7 })
                    {
                        SynthVoices.Tone(buffer, sampleRate, t, duration, root * Math.Pow(2, interval / 12.0), chordLevel,
                            style.ChordHarmonics, style.ChordRolloff, style.ChordAttack, style.ChordDecay, style.ChordDrive);
                    }
                }
            }
        }

        double noise = style.NoiseFloor * (0.5 + random.NextDouble());
        float peak = 0;
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] += (float)(noise * (random.NextDouble() * 2 - 1));
            peak = Math.Max(peak, Math.Abs(buffer[i]));
        }

        float gain = peak > 0 ? (float)((0.5 + 0.4 * random.NextDouble()) / peak) : 1f;
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] *= gain;
        }

        return buffer;
    }
}
