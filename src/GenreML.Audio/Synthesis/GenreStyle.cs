namespace GenreML.Audio.Synthesis;

/// <summary>
/// The recipe of one synthetic genre: tempo, a one-bar drum pattern on a 16-step grid, and the
/// timbre and rhythm of a chord instrument and a bass. Patterns are strings of 16 characters where
/// 'x' is a hit and '.' a rest.
/// </summary>
internal sealed record GenreStyle(
    string Name,
    double Tempo,
    double Swing,
    string Kick,
    string Snare,
    string HiHat,
    string Chords,
    int ChordHarmonics,
    double ChordRolloff,
    double ChordAttack,
    double ChordDecay,
    double ChordDrive,
    string Bass,
    double RootHz,
    int[] Progression,
    double NoiseFloor)
{
    /// <summary>The ten GTZAN genres as caricatures that differ in tempo, rhythm and timbre.</summary>
    public static IReadOnlyList<GenreStyle> Gtzan { get; } =
    [
        new("blues", 84, 0.33, "x.....x.x.......", "....x.......x...", "x.xxx.xxx.xxx.xx", "x..x..x..x..x...", 8, 1.2, 0.005, 3.0, 0.0, "x...x...x...x...", 110, [0, 5, 0, 7], 0.002),
        new("classical", 66, 0, "................", "................", "................", "x.......x.......", 14, 1.6, 0.25, 0.4, 0.0, "x...............", 196, [0, 9, 5, 7], 0.001),
        new("country", 112, 0, "x.......x.......", "....x.......x...", "..x...x...x...x.", "..x...x...x...x.", 10, 1.0, 0.002, 5.0, 0.0, "x.......x.......", 147, [0, 5, 7, 0], 0.002),
        new("disco", 120, 0, "x...x...x...x...", "....x.......x...", "..x...x...x...x.", "x.x.x.x.x.x.x.x.", 6, 1.4, 0.01, 2.0, 0.0, "x.x.x.x.x.x.x.x.", 98, [0, 3, 5, 3], 0.002),
        new("hiphop", 90, 0.15, "x......x..x.....", "....x.......x...", "x.x.x.x.x.x.x.x.", "x...............", 4, 2.0, 0.02, 1.0, 0.0, "x......x..x.....", 55, [0, 0, 3, 5], 0.003),
        new("jazz", 140, 0.4, "x.........x.....", "......x.......x.", "x...x.xx..x.x.xx", ".x....x..x....x.", 9, 1.5, 0.01, 2.5, 0.0, "x...x...x...x...", 131, [2, 7, 0, 9], 0.002),
        new("metal", 168, 0, "xxxxxxxxxxxxxxxx", "....x.......x...", "x.x.x.x.x.x.x.x.", "xxxxxxxxxxxxxxxx", 12, 0.8, 0.002, 0.8, 6.0, "xxxxxxxxxxxxxxxx", 82, [0, 0, 1, 5], 0.01),
        new("pop", 116, 0, "x.......x.x.....", "....x.......x...", "x.x.x.x.x.x.x.x.", "x...x...x...x...", 5, 1.8, 0.03, 1.2, 0.0, "x..x..x.x..x..x.", 110, [0, 7, 9, 5], 0.002),
        new("reggae", 76, 0.1, "........x.......", "........x.......", "x.x.x.x.x.x.x.x.", "..x...x...x...x.", 6, 1.3, 0.002, 12.0, 0.0, "x..x....x.x.....", 98, [0, 5, 0, 7], 0.002),
        new("rock", 132, 0, "x.......x.x.....", "....x.......x...", "x.x.x.x.x.x.x.x.", "x.x.x.x.x.x.x.x.", 10, 1.0, 0.004, 1.5, 2.5, "x.x.x.x.x.x.x.x.", 82, [0, 5, 7, 5], 0.004),
    ];
}
