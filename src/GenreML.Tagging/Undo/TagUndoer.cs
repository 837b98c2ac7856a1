using GenreML.Core.IO;
using GenreML.Tagging.Containers;
using GenreML.Tagging.Writing;

namespace GenreML.Tagging.Undo;

/// <summary>
/// Restores the genre fields an undo log recorded, newest change first (so a file tagged twice ends as it was
/// before the first run), through the same safe write as tagging. A file whose genre is no longer the one
/// written is reported as changed since and left alone; one that already holds its old genre is skipped.
/// </summary>
public sealed class TagUndoer(bool keepModificationTime)
{
    private readonly SafeTagWriter _writer = new(keepModificationTime);

    /// <summary>Restores every record of <paramref name="records"/> (oldest first, as read from the log), yielding one outcome per record.</summary>
    public IEnumerable<TagOutcome> Undo(IReadOnlyList<UndoRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        for (int i = records.Count - 1; i >= 0; i--)
        {
            yield return Undo(records[i]);
        }
    }

    private TagOutcome Undo(UndoRecord record)
    {
        string path = record.Path;
        if (!InputFile.Exists(path))
        {
            return new TagOutcome(path, TagOutcomeKind.Failed, record.New.Genres, [], "no longer exists", TagProblem.ChangedDuringRun);
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

        if (facts.Container != record.Container)
        {
            return TagOutcome.LeftAlone(path, $"changed since tagging: it is no longer {record.Container.DisplayName()}");
        }

        if (!facts.Current.SameFieldsAs(record.New))
        {
            return facts.Current.SameFieldsAs(record.Old)
                ? TagOutcome.LeftAlone(path, "already has its old genre", facts.Current.Genres)
                : TagOutcome.LeftAlone(path, $"changed since tagging: its genre is now [{string.Join("; ", facts.Current.Genres)}], not what was written; left alone", facts.Current.Genres);
        }

        string? note = facts.Identity != new FileStamp(record.Size, record.LastWriteUtc) ? "changed since tagging (other edits kept)" : null;
        try
        {
            _writer.Replace(path, record.Container, facts.Identity, file => GenreTagAccess.Restore(file, record.Container, record.Old), record.Old, _ => { });
            return new TagOutcome(path, TagOutcomeKind.Written, facts.Current.Genres, record.Old.Genres, note);
        }
        catch (TagWriteException e)
        {
            return TagOutcome.Failed(path, e, facts.Current.Genres);
        }
    }
}
