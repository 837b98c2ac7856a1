using GenreML.Core.IO;
using GenreML.Tagging.Containers;
using GenreML.Tagging.Payload;
using TagLib;

namespace GenreML.Tagging.Writing;

/// <summary>
/// Changes a file's tags without ever leaving it damaged: the original is locked, copied to a temporary file
/// in the same folder, the copy is tagged by TagLibSharp, re-opened and verified (the expected genre reads
/// back, no tag appeared that was not asked for, the audio payload hash is identical), and only then renamed
/// over the original (an atomic step: a reader, or a crash, sees either the old file or the new one). The
/// copy keeps the original's permissions and, when asked, its modification time. Any failure leaves the
/// original as it was and throws <see cref="TagWriteException"/>.
/// </summary>
internal sealed class SafeTagWriter(bool keepModificationTime)
{
    private const UnixFileMode AnyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>
    /// Applies <paramref name="change"/> to <paramref name="path"/> (the file a symbolic link points to, for a link).
    /// <paramref name="expected"/> is the identity the file had when its tags were read (a different one means
    /// someone changed it meanwhile); <paramref name="expectedAfter"/> is the genre the new file must hold;
    /// <paramref name="beforeReplace"/> runs after verification and just before the rename, with the new
    /// file's identity (the undo log is written there). Returns the new file's identity.
    /// </summary>
    public FileStamp Replace(
        string path,
        AudioContainer container,
        FileStamp expected,
        Action<TagLib.File> change,
        StoredGenres expectedAfter,
        Action<FileStamp> beforeReplace)
    {
        string target = EscapedPath.NeedsRawBytes(path)
            ? CanonicalPath.Of(path) ?? Path.GetFullPath(path)
            : new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        using FileStream original = OpenLocked(target);
        if (FileStamp.Of(target) != expected)
        {
            throw new TagWriteException(TagProblem.ChangedDuringRun, $"{path}: changed since its tags were read; left alone");
        }

        UnixFileMode mode = OperatingSystem.IsWindows() ? default : System.IO.File.GetUnixFileMode(original.SafeFileHandle);
        if (!OperatingSystem.IsWindows() && (mode & AnyWrite) == 0)
        {
            throw new TagWriteException(TagProblem.ReadOnly, $"{path}: read-only (no write permission bit); left alone");
        }

        string payload = HashPayload(original, container, path);
        FileStamp result = default;
        try
        {
            AtomicFile.WriteVia(target, temporary =>
            {
                Copy(original, temporary, mode, path);
                TagTypes before = Tag(temporary, container, change, path);
                Verify(temporary, container, expectedAfter, before, payload, path);
                if (keepModificationTime)
                {
                    System.IO.File.SetLastWriteTimeUtc(temporary, expected.LastWriteUtc);
                }

                if (FileStamp.Of(target) != expected)
                {
                    throw new TagWriteException(TagProblem.ChangedDuringRun, $"{path}: changed while it was being tagged; left alone");
                }

                result = FileStamp.Of(temporary);
                beforeReplace(result);
            });
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException && e is not TagWriteException)
        {
            throw new TagWriteException(e is UnauthorizedAccessException ? TagProblem.ReadOnly : TagProblem.IoFailed, $"{path}: could not write its folder: {e.Message}", e);
        }

        return result;
    }

    private static FileStream OpenLocked(string target)
    {
        try
        {
            // ReadWrite + FileShare.None takes an exclusive advisory lock, so another tagger (or any program that
            // locks) cannot change the file while we work, and a file someone else holds locked is reported.
            return InputFile.OpenForUpdate(target, bufferSize: 1 << 16);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new TagWriteException(TagProblem.ReadOnly, $"{target}: not writable ({e.Message}); left alone", e);
        }
        catch (FileNotFoundException e)
        {
            throw new TagWriteException(TagProblem.ChangedDuringRun, $"{target}: disappeared during the run", e);
        }
        catch (IOException e)
        {
            throw new TagWriteException(TagProblem.Locked, $"{target}: locked by another process ({e.Message}); left alone", e);
        }
    }

    private static string HashPayload(Stream stream, AudioContainer container, string path)
    {
        try
        {
            stream.Position = 0;
            return AudioPayload.Hash(stream, container, path);
        }
        catch (InvalidDataException e)
        {
            throw new TagWriteException(TagProblem.VerificationFailed, $"cannot find its audio to check it afterwards: {e.Message}; left alone", e);
        }
    }

    private static void Copy(FileStream original, string temporary, UnixFileMode mode, string path)
    {
        using (var copy = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        {
            original.Position = 0;
            original.CopyTo(copy);
            copy.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(temporary, mode);
        }

        if (new FileInfo(temporary).Length != original.Length)
        {
            throw new TagWriteException(TagProblem.IoFailed, $"{path}: the temporary copy came out a different size; left alone");
        }
    }

    private static TagTypes Tag(string temporary, AudioContainer container, Action<TagLib.File> change, string path)
    {
        try
        {
            using TagLib.File file = GenreTagAccess.Open(temporary, container);
            TagTypes before = file.TagTypesOnDisk;
            change(file);

            // TagLibSharp creates some tag types on opening (an ID3v1 tag for every MP3): keep only those that were there and ours.
            file.RemoveTags(file.TagTypes & ~before & ~GenreTagAccess.GenreTagType(container));
            file.Save();
            return before;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or TagWriteException))
        {
            throw new TagWriteException(TagProblem.TagLibFailed, $"{path}: TagLibSharp could not tag it: {e.Message}; left alone", e);
        }
    }

    private static void Verify(string temporary, AudioContainer container, StoredGenres expectedAfter, TagTypes before, string payload, string path)
    {
        StoredGenres after;
        TagTypes onDisk;
        try
        {
            using TagLib.File check = GenreTagAccess.Open(temporary, container);
            if (check.PossiblyCorrupt)
            {
                throw Failed(path, $"TagLibSharp reads the result as possibly corrupt ({string.Join("; ", check.CorruptionReasons)})");
            }

            after = GenreTagAccess.Read(check, container);
            onDisk = check.TagTypesOnDisk;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or TagWriteException))
        {
            throw Failed(path, $"the result cannot be re-opened: {e.Message}");
        }

        if (!after.SameFieldsAs(expectedAfter) || (expectedAfter.Id3Version is { } version && after.Id3Version != version))
        {
            throw Failed(path, $"the genre read back is [{Describe(after)}], not [{Describe(expectedAfter)}]");
        }

        TagTypes added = onDisk & ~before & ~GenreTagAccess.GenreTagType(container);
        if (added != TagTypes.None)
        {
            throw Failed(path, $"the result holds tag types it did not have ({added})");
        }

        string now;
        try
        {
            now = AudioPayload.Hash(temporary, container);
        }
        catch (InvalidDataException e)
        {
            throw Failed(path, $"its audio can no longer be parsed: {e.Message}");
        }

        if (now != payload)
        {
            throw Failed(path, "the audio payload changed");
        }
    }

    private static string Describe(StoredGenres genres) =>
        string.Join("; ", genres.Fields.Select(f => $"{f.Key}={string.Join("|", f.Value)}")) + (genres.Id3Version is { } v ? $" (ID3v2.{v})" : "");

    private static TagWriteException Failed(string path, string why) =>
        new(TagProblem.VerificationFailed, $"{path}: verification failed, original kept: {why}");
}
