namespace GenreML.MLNet.Library;

/// <summary>One audio file found by <see cref="LibraryWalker"/>.</summary>
/// <param name="Path">The path to open (as found: under the given input, symlinks not resolved; a name that is not valid UTF-8 as an escaped string, <see cref="GenreML.Core.IO.EscapedPath"/>, which <see cref="GenreML.Core.IO.InputFile"/> and every decoder open).</param>
/// <param name="RelativePath">The path relative to the input it was found under, with '/' separators (the file name for a file given directly); <see cref="ShardSelector"/> hashes it.</param>
public sealed record LibraryFile(string Path, string RelativePath);
