namespace GenreML.Core.IO;

/// <summary>GenreML's per-user cache: <c>$XDG_CACHE_HOME/genreml</c>, or <c>~/.cache/genreml</c> when that is unset.</summary>
public static class UserCache
{
    /// <summary>The cache sub-folder <paramref name="name"/> (not created).</summary>
    public static string Folder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(root, "genreml", name);
    }
}
