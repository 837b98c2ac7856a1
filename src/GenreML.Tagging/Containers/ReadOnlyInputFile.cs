using GenreML.Core.IO;

namespace GenreML.Tagging.Containers;

/// <summary>
/// TagLibSharp's view of a file it only reads, opened through <see cref="InputFile"/>: for names that are not
/// UTF-8 (<see cref="EscapedPath"/>), which TagLibSharp's own <c>LocalFileAbstraction</c> cannot open. Tags are
/// never written through it: <see cref="Writing.SafeTagWriter"/> writes a temporary copy by its plain name.
/// </summary>
internal sealed class ReadOnlyInputFile(string path) : TagLib.File.IFileAbstraction
{
    /// <inheritdoc />
    public string Name => path;

    /// <inheritdoc />
    public Stream ReadStream => InputFile.OpenRead(path, share: FileShare.ReadWrite);

    /// <inheritdoc />
    public Stream WriteStream => throw new NotSupportedException($"{EscapedPath.ForDisplay(path)} is opened for reading tags only");

    /// <inheritdoc />
    public void CloseStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Dispose();
    }
}
