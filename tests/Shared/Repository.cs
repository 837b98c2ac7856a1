namespace GenreML.Testing;

/// <summary>The GenreML checkout the tests run from: the folder holding GenreML.sln, found by walking up from the test binaries.</summary>
public static class Repository
{
    private static readonly Lazy<string?> RootFolder = new(Locate);

    /// <summary>The repository root, or null when the tests run outside a checkout.</summary>
    public static string? Root => RootFolder.Value;

    /// <summary>The path of <paramref name="relativePath"/> in the repository, or null when it is not there.</summary>
    public static string? File(string relativePath) =>
        Root is { } root && System.IO.File.Exists(Path.Combine(root, relativePath)) ? Path.Combine(root, relativePath) : null;

    private static string? Locate()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "GenreML.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
