using GenreML.Tagging.Containers;

namespace GenreML.Tagging.Writing;

/// <summary>What tagging needs to know about a file before planning: its container (from its content), identity and current genre.</summary>
internal sealed record FileFacts(AudioContainer? Container, FileStamp Identity, StoredGenres Current)
{
    /// <summary>Reads the facts of <paramref name="path"/>.</summary>
    /// <exception cref="TagWriteException">The file cannot be read, or TagLibSharp cannot parse it.</exception>
    public static FileFacts Read(string path)
    {
        try
        {
            FileStamp identity = FileStamp.Of(path);
            AudioContainer? container = ContainerDetector.Detect(path);
            if (container is not { } known)
            {
                return new FileFacts(null, identity, StoredGenres.None);
            }

            using TagLib.File file = GenreTagAccess.Open(path, known);
            return new FileFacts(known, identity, GenreTagAccess.Read(file, known));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TagWriteException(TagProblem.IoFailed, $"{path}: cannot be read: {e.Message}", e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new TagWriteException(TagProblem.TagLibFailed, $"{path}: TagLibSharp cannot read its tags: {e.Message}", e);
        }
    }
}
