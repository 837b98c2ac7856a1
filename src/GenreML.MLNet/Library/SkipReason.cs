namespace GenreML.MLNet.Library;

/// <summary>Why <see cref="LibraryWalker"/> did not list an entry.</summary>
public enum SkipReason
{
    /// <summary>The file's extension is not in the audio extension list.</summary>
    NotAudio,

    /// <summary>The folder (or file) was already visited through another path: a symlink loop or a second link to it.</summary>
    AlreadyVisited,

    /// <summary>The folder could not be listed or the entry could not be examined (permissions, I/O error).</summary>
    Unreadable,

    /// <summary>A symbolic link whose target does not exist.</summary>
    BrokenLink,
}
