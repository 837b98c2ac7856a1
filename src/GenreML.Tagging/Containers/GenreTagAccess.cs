using GenreML.Core.IO;
using TagLib;

namespace GenreML.Tagging.Containers;

/// <summary>
/// Reads and writes the genre fields of an open TagLibSharp file, and nothing else: ID3v2 TCON as text
/// (never ID3v1 numeric codes), Vorbis comment GENRE, MP4 ©gen (clearing the old numeric gnre).
/// </summary>
internal static class GenreTagAccess
{
    public const string Tcon = "TCON";
    public const string VorbisGenre = "GENRE";
    public const string Mp4Genre = "©gen";
    public const string Mp4NumericGenre = "gnre";

    private const string AppleTextSeparator = "; ";

    private static readonly ByteVector TconId = ByteVector.FromString(Tcon, StringType.Latin1);
    private static readonly ReadOnlyByteVector GenBox = new(ByteVector.FromString(Mp4Genre, StringType.Latin1));
    private static readonly ReadOnlyByteVector GnreBox = new(ByteVector.FromString(Mp4NumericGenre, StringType.Latin1));

    static GenreTagAccess()
    {
        // TagLibSharp would otherwise store a genre that has an ID3v1 number as "(17)" instead of its name.
        TagLib.Id3v2.Tag.UseNumericGenres = false;
    }

    /// <summary>Opens <paramref name="path"/> as <paramref name="container"/> (by content, not by name) without reading audio properties.</summary>
    public static TagLib.File Open(string path, AudioContainer container) =>
        TagLib.File.Create(EscapedPath.IsEscaped(path) ? new ReadOnlyInputFile(path) : new TagLib.File.LocalFileAbstraction(path), container.TagLibMimeType(), ReadStyle.None);

    /// <summary>The tag types this container's genre lives in.</summary>
    public static TagTypes GenreTagType(AudioContainer container) => container switch
    {
        AudioContainer.Mp3 or AudioContainer.Wav => TagTypes.Id3v2,
        AudioContainer.Mp4 => TagTypes.Apple,
        _ => TagTypes.Xiph,
    };

    /// <summary>The genre as stored in <paramref name="file"/>.</summary>
    public static StoredGenres Read(TagLib.File file, AudioContainer container)
    {
        var fields = new Dictionary<string, IReadOnlyList<string>>();
        int? id3Version = null;
        switch (container)
        {
            case AudioContainer.Mp3 or AudioContainer.Wav:
                if (file.GetTag(TagTypes.Id3v2, false) is TagLib.Id3v2.Tag id3 && (file.TagTypesOnDisk & TagTypes.Id3v2) != 0)
                {
                    id3Version = id3.Version;
                    if (TagLib.Id3v2.TextInformationFrame.Get(id3, TconId, false) is { } frame)
                    {
                        fields[Tcon] = frame.Text.ToArray();
                    }
                }

                break;
            case AudioContainer.Mp4:
                if (file.GetTag(TagTypes.Apple, false) is TagLib.Mpeg4.AppleTag apple)
                {
                    // TagLibSharp splits an MP4 text atom at "; " when reading and joins at "; " when writing: undo that, so the field is the stored string.
                    string[] text = apple.GetText(GenBox);
                    if (text.Length > 0)
                    {
                        fields[Mp4Genre] = [string.Join(AppleTextSeparator, text)];
                    }

                    TagLib.Mpeg4.AppleDataBox[] numeric = apple.DataBoxes(GnreBox).ToArray();
                    if (numeric.Length > 0)
                    {
                        fields[Mp4NumericGenre] = numeric.Select(b => b.Data.ToUShort(true).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                    }
                }

                break;
            default:
                if (file.GetTag(TagTypes.Xiph, false) is TagLib.Ogg.XiphComment xiph)
                {
                    string[] values = xiph.GetField(VorbisGenre);
                    if (values.Length > 0)
                    {
                        fields[VorbisGenre] = values;
                    }
                }

                break;
        }

        return new StoredGenres { Fields = fields, Id3Version = id3Version, Genres = Shown(fields) };
    }

    /// <summary>Replaces the genre of <paramref name="file"/> by <paramref name="genres"/> (already joined for single-value containers).</summary>
    public static void Write(TagLib.File file, AudioContainer container, IReadOnlyList<string> genres)
    {
        string[] values = genres.ToArray();
        switch (container)
        {
            case AudioContainer.Mp3 or AudioContainer.Wav:
                var id3 = (TagLib.Id3v2.Tag)file.GetTag(TagTypes.Id3v2, true);
                id3.Version = 4;
                id3.SetTextFrame(TconId, values);
                break;
            case AudioContainer.Mp4:
                var apple = (TagLib.Mpeg4.AppleTag)file.GetTag(TagTypes.Apple, true);
                apple.ClearData(GnreBox);
                apple.SetText(GenBox, values);
                break;
            default:
                var xiph = (TagLib.Ogg.XiphComment)file.GetTag(TagTypes.Xiph, true);
                xiph.SetField(VorbisGenre, values);
                break;
        }
    }

    /// <summary>What <see cref="Read"/> must return after <see cref="Write"/> of <paramref name="genres"/>.</summary>
    public static StoredGenres Expected(AudioContainer container, IReadOnlyList<string> genres)
    {
        string field = container switch
        {
            AudioContainer.Mp3 or AudioContainer.Wav => Tcon,
            AudioContainer.Mp4 => Mp4Genre,
            _ => VorbisGenre,
        };
        return new StoredGenres
        {
            Fields = new Dictionary<string, IReadOnlyList<string>> { [field] = genres.ToArray() },
            Id3Version = field == Tcon ? 4 : null,
            Genres = genres.ToArray(),
        };
    }

    /// <summary>Puts back exactly the fields (and ID3v2 version) of <paramref name="old"/>.</summary>
    public static void Restore(TagLib.File file, AudioContainer container, StoredGenres old)
    {
        switch (container)
        {
            case AudioContainer.Mp3 or AudioContainer.Wav:
                var id3 = (TagLib.Id3v2.Tag)file.GetTag(TagTypes.Id3v2, true);
                if (old.Fields.TryGetValue(Tcon, out IReadOnlyList<string>? tcon))
                {
                    id3.SetTextFrame(TconId, tcon.ToArray());
                }
                else
                {
                    id3.RemoveFrames(TconId);
                }

                if (old.Id3Version is { } version)
                {
                    id3.Version = (byte)version;
                }
                else if (id3.IsEmpty)
                {
                    file.RemoveTags(TagTypes.Id3v2);
                }

                break;
            case AudioContainer.Mp4:
                var apple = (TagLib.Mpeg4.AppleTag)file.GetTag(TagTypes.Apple, true);
                apple.ClearData(GenBox);
                apple.ClearData(GnreBox);
                if (old.Fields.TryGetValue(Mp4Genre, out IReadOnlyList<string>? gen))
                {
                    apple.SetText(GenBox, gen.ToArray());
                }

                if (old.Fields.TryGetValue(Mp4NumericGenre, out IReadOnlyList<string>? gnre))
                {
                    apple.SetData(GnreBox, new ByteVectorCollection(gnre.Select(g => ByteVector.FromUShort(ushort.Parse(g, System.Globalization.CultureInfo.InvariantCulture)))), (uint)TagLib.Mpeg4.AppleDataBox.FlagType.ContainsData);
                }

                break;
            default:
                var xiph = (TagLib.Ogg.XiphComment)file.GetTag(TagTypes.Xiph, true);
                if (old.Fields.TryGetValue(VorbisGenre, out IReadOnlyList<string>? genre))
                {
                    xiph.SetField(VorbisGenre, genre.ToArray());
                }
                else
                {
                    xiph.RemoveField(VorbisGenre);
                }

                break;
        }
    }

    private static string[] Shown(Dictionary<string, IReadOnlyList<string>> fields)
    {
        foreach (string name in new[] { Tcon, VorbisGenre, Mp4Genre })
        {
            if (fields.TryGetValue(name, out IReadOnlyList<string>? values))
            {
                return values.Select(NumericToName).ToArray();
            }
        }

        return fields.TryGetValue(Mp4NumericGenre, out IReadOnlyList<string>? codes)
            ? codes.Select(c => TagLib.Genres.IndexToAudio((byte)(int.Parse(c, System.Globalization.CultureInfo.InvariantCulture) - 1)) ?? c).ToArray()
            : [];
    }

    // An ID3v2 TCON value may be an ID3v1 genre number ("17" or "(17)"); players show its name.
    private static string NumericToName(string value)
    {
        string trimmed = value.Trim('(', ')');
        return byte.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out byte index) && TagLib.Genres.IndexToAudio(index) is { } name
            ? name
            : value;
    }
}
