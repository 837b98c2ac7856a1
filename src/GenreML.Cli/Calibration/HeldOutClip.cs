using GenreML.Inference.Answers;

namespace GenreML.Cli.Calibration;

/// <summary>One clip examined by one fold's model: a held-out music clip (its true class) or a generated non-music clip (class −1).</summary>
/// <param name="Fold">Index of the fold whose model examined the clip.</param>
/// <param name="Path">The audio file.</param>
/// <param name="Truth">Class index in the target card's label order; −1 for non-music.</param>
/// <param name="Kind">"music", "fit" (non-music the check is fitted on) or "unseen" (non-music only measured on).</param>
/// <param name="Examination">The fold model's raw probabilities and the clip's evidence.</param>
internal sealed record HeldOutClip(int Fold, string Path, int Truth, string Kind, ClipExamination Examination)
{
    /// <summary>
    /// The cross-fitting group: the fold when there are several; with a single fold, alternate clips of each kind
    /// (so fitting and scoring still use different clips, though not different artists).
    /// </summary>
    public int Group { get; init; } = Fold;

    public const string Music = "music";
    public const string Fit = "fit";
    public const string Unseen = "unseen";

    /// <summary>The not-music features of this clip under its fold's model.</summary>
    public double[] Features => MusicEvidence.Features(Examination.Evidence.Spectral, Examination.ClipProbabilities, Examination.WindowProbabilities);

    /// <summary>A short name for the kind of non-music sound, from the file name before its last '-' (e.g. "pink", "speech-de+f2").</summary>
    public string SoundKind
    {
        get
        {
            string name = System.IO.Path.GetFileNameWithoutExtension(Path);
            int dash = name.LastIndexOf('-');
            string kind = dash > 0 ? name[..dash] : name;
            return kind.StartsWith("speech", StringComparison.Ordinal) ? (kind.Contains("pink", StringComparison.Ordinal) ? "speech+noise" : "speech") : kind;
        }
    }
}
