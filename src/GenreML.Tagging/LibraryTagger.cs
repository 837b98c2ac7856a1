using System.Globalization;
using GenreML.Inference.Results;
using GenreML.Tagging.Containers;
using GenreML.Tagging.Planning;
using GenreML.Tagging.Undo;
using GenreML.Tagging.Writing;

namespace GenreML.Tagging;

/// <summary>
/// Tags one file at a time: reads its genre, plans the change (<see cref="TaggingOptions"/>), and, unless it
/// is a dry run, logs it in the undo log and writes it safely (<see cref="SafeTagWriter"/>). Never throws for
/// a file's problem: every file gets a <see cref="TagOutcome"/> and the batch goes on. Safe to call from
/// several threads for different files.
/// </summary>
public sealed class LibraryTagger
{
    private readonly TaggingOptions _options;
    private readonly UndoLog? _undoLog;
    private readonly SafeTagWriter _writer;

    /// <summary>A tagger that writes, logging every change in <paramref name="undoLog"/>; with a null log it only plans (dry run).</summary>
    public LibraryTagger(TaggingOptions options, UndoLog? undoLog)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _undoLog = undoLog;
        _writer = new SafeTagWriter(options.KeepModificationTime);
    }

    /// <summary>Plans and (unless dry run) writes the genre of <paramref name="input"/>'s file.</summary>
    public TagOutcome Tag(TagInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        string path = input.Path;
        if (input.NotTaggedBecause is { } why)
        {
            return TagOutcome.LeftAlone(path, why);
        }

        FileFacts facts;
        try
        {
            facts = FileFacts.Read(path);
        }
        catch (TagWriteException e)
        {
            return TagOutcome.Failed(path, e);
        }

        if (facts.Container is not { } container)
        {
            return TagOutcome.LeftAlone(path, "not a format tag writes (MP3, FLAC, Ogg Vorbis, Opus, MP4/M4A, WAV)");
        }

        if (container == AudioContainer.Wav && !_options.WavId3)
        {
            return TagOutcome.LeftAlone(path, "WAV (pass --wav-id3 to write an ID3v2 chunk)", facts.Current.Genres);
        }

        IReadOnlyList<string> ours = _options.Choice.Choose(input.Ranking);
        if (ours.Count == 0)
        {
            return TagOutcome.LeftAlone(path, NothingChosen(input.Ranking), facts.Current.Genres);
        }

        TagPlan plan = _options.Planner.Plan(container, facts.Current, ours);
        if (!plan.Writes)
        {
            return TagOutcome.LeftAlone(path, plan.LeftAloneBecause!, plan.Old);
        }

        if (_undoLog is null)
        {
            return new TagOutcome(path, TagOutcomeKind.WouldWrite, plan.Old, plan.New);
        }

        StoredGenres expected = GenreTagAccess.Expected(container, plan.New);
        try
        {
            _writer.Replace(path, container, facts.Identity, file => GenreTagAccess.Write(file, container, plan.New), expected, written => _undoLog.Append(new UndoRecord
            {
                Time = DateTimeOffset.UtcNow,
                Path = Path.GetFullPath(path),
                Container = container,
                Old = facts.Current,
                New = expected,
                Size = written.Size,
                LastWriteUtc = written.LastWriteUtc,
            }));
            return new TagOutcome(path, TagOutcomeKind.Written, plan.Old, plan.New);
        }
        catch (TagWriteException e)
        {
            return TagOutcome.Failed(path, e, plan.Old);
        }
    }

    private string NothingChosen(IReadOnlyList<GenreScore> ranking)
    {
        if (ranking.Count == 0)
        {
            return "no genre scores";
        }

        GenreScore best = ranking.MaxBy(s => s.Probability);
        return best.Probability < _options.Choice.MinConfidence
            ? string.Create(CultureInfo.InvariantCulture, $"not confident: {best.Genre} {best.Probability:0.00} < --min-confidence {_options.Choice.MinConfidence:0.00}")
            : $"the map writes nothing for {best.Genre}";
    }
}
