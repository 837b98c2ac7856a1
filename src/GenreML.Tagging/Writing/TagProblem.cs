namespace GenreML.Tagging.Writing;

/// <summary>Why a file was left as it was.</summary>
public enum TagProblem
{
    /// <summary>The file or its folder may not be written (no write permission, or a read-only file).</summary>
    ReadOnly,

    /// <summary>Another process holds a lock on the file.</summary>
    Locked,

    /// <summary>The file changed between reading its tags and replacing it.</summary>
    ChangedDuringRun,

    /// <summary>The rewritten copy did not read back as expected (tag, audio payload or tag layout), so it was thrown away.</summary>
    VerificationFailed,

    /// <summary>TagLibSharp could not read or write this file (corrupt, or a variant it does not support).</summary>
    TagLibFailed,

    /// <summary>The file could not be read or the copy could not be made.</summary>
    IoFailed,
}
