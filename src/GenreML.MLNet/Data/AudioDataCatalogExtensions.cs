using GenreML.MLNet.Library;
using Microsoft.ML;

namespace GenreML.MLNet.Data;

/// <summary>Audio sources for <see cref="DataOperationsCatalog"/>: <c>mlContext.Data.LoadFromAudioFolder(...)</c> and friends.</summary>
public static class AudioDataCatalogExtensions
{
    /// <summary>
    /// The audio files under <paramref name="root"/> (recursive, stable order). Labelled by default:
    /// <c>&lt;root&gt;/&lt;genre&gt;/…</c> gives the Label column; see <see cref="AudioFolderOptions"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The split file is malformed or has no clip of the split.</exception>
    public static AudioSourceView LoadFromAudioFolder(this DataOperationsCatalog catalog, string root, AudioFolderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        options ??= new AudioFolderOptions();
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Audio folder '{root}' does not exist.");
        }

        if ((options.SplitFile is null) != (options.Split is null))
        {
            throw new ArgumentException("AudioFolderOptions: SplitFile and Split go together; set both or neither.", nameof(options));
        }

        SplitFilter? split = options.SplitFile is null ? null : SplitFilter.Load(options.SplitFile, options.Split!);
        string full = Path.GetFullPath(root);
        string description = split is null ? $"folder {full}" : $"folder {full}, split '{options.Split}'";
        return new AudioSourceView(() => AudioFolderWalker.Walk(full, options, split), options.Labelled, description);
    }

    /// <summary>
    /// An unlabelled source over <paramref name="paths"/>: files are listed as given, folders are walked
    /// (recursive, stable order, audio extensions only, symlink loops walked once; see <see cref="LibraryWalker"/>). The sequence is enumerated once per cursor.
    /// </summary>
    public static AudioSourceView LoadFromAudioFiles(this DataOperationsCatalog catalog, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(paths);
        IEnumerable<AudioClipEntry> Entries() => new LibraryWalker().Walk(paths).Select(file => new AudioClipEntry(file.Path, null));

        return new AudioSourceView(Entries, labelled: false, "file list");
    }

    /// <summary>
    /// A source over <paramref name="entries"/> as given (e.g. a folder already walked and labelled by the caller);
    /// <paramref name="labelled"/> adds the Label column. The sequence is enumerated once per cursor.
    /// </summary>
    public static AudioSourceView LoadFromAudioEntries(this DataOperationsCatalog catalog, IEnumerable<AudioClipEntry> entries, bool labelled, string description)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(description);
        return new AudioSourceView(() => entries, labelled, description);
    }

    /// <summary>A labelled source from a manifest CSV (<c>path,label</c> per line, optional header, paths relative to the manifest).</summary>
    /// <exception cref="FileNotFoundException">The manifest does not exist.</exception>
    public static AudioSourceView LoadFromAudioManifest(this DataOperationsCatalog catalog, string manifestPath)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifestPath);
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"Manifest '{manifestPath}' does not exist.", manifestPath);
        }

        return new AudioSourceView(() => ManifestReader.Read(manifestPath), labelled: true, $"manifest {Path.GetFullPath(manifestPath)}");
    }
}
