namespace GenreML.Inference.Answers;

/// <summary>
/// The one vocabulary of result statuses, as written in JSON, CSV, JSON Lines and ML.NET columns. Only
/// <see cref="Ok"/> is a genre answer; for every other status the top genre is still given for those who
/// want it, but it is not an answer. Checked in this order: too short, silence, not music, uncertain.
/// </summary>
public static class ResultStatus
{
    /// <summary>The clip got a genre answer.</summary>
    public const string Ok = "ok";

    /// <summary>The decoded clip is shorter than the card's minimum (one model window unless the card says otherwise).</summary>
    public const string TooShort = "too_short";

    /// <summary>The decoded signal's RMS level is below the card's silence level.</summary>
    public const string Silence = "silence";

    /// <summary>The card's not-music check says the clip is not music (speech, noise, tones, clicks, hum).</summary>
    public const string NotMusic = "not_music";

    /// <summary>The calibrated top probability is below the card's (or the caller's) minimum confidence.</summary>
    public const string Uncertain = "uncertain";

    /// <summary>Every status, in the order they are checked after <see cref="Ok"/>.</summary>
    public static IReadOnlyList<string> All { get; } = [Ok, TooShort, Silence, NotMusic, Uncertain];

    /// <summary>A short explanation of <paramref name="status"/> for people.</summary>
    /// <exception cref="ArgumentException">Not one of <see cref="All"/>.</exception>
    public static string Describe(string status) => status switch
    {
        Ok => "answered",
        TooShort => "the clip is shorter than the model's minimum",
        Silence => "the clip is (nearly) silent",
        NotMusic => "it does not sound like music",
        Uncertain => "no genre is probable enough",
        _ => throw new ArgumentException($"'{status}' is not a result status ({string.Join(", ", All)})", nameof(status)),
    };
}
