namespace GenreML.Testing;

/// <summary>
/// Finds the shared development data (real GTZAN clips, never committed): the folder named by the
/// environment variable GENREML_SHARED_DATA, or else <c>../shared/data</c> next to the folder that
/// holds GenreML.sln (<see cref="Repository.Root"/>). Every property is null when the folder is absent,
/// and tests that need it are reported as skipped (<c>Skip.If(SharedData.Samples is null, …)</c>), never green.
/// </summary>
public static class SharedData
{
    /// <summary>Environment variable that points at the shared data folder.</summary>
    public const string Variable = "GENREML_SHARED_DATA";

    private static readonly Lazy<string?> RootFolder = new(Locate);

    /// <summary>The shared data folder, or null.</summary>
    public static string? Root => RootFolder.Value;

    /// <summary>The <c>samples</c> folder (GTZAN originals as .au and .wav), or null.</summary>
    public static string? Samples => Child("samples");

    /// <summary>The <c>gtzan-dev</c> folder (genre sub-folders of .mp3 clips), or null.</summary>
    public static string? GtzanDev => Child("gtzan-dev");

    /// <summary>The path of <paramref name="name"/> in <see cref="Samples"/>, or null when it is not there.</summary>
    public static string? Sample(string name) =>
        Samples is { } folder && File.Exists(Path.Combine(folder, name)) ? Path.Combine(folder, name) : null;

    private static string? Child(string name) =>
        Root is { } root && Directory.Exists(Path.Combine(root, name)) ? Path.Combine(root, name) : null;

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        if (Repository.Root is not { } repository)
        {
            return null;
        }

        string candidate = Path.GetFullPath(Path.Combine(repository, "..", "shared", "data"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
