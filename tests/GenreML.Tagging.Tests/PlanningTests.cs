using GenreML.Tagging.Containers;
using GenreML.Tagging.Planning;

namespace GenreML.Tagging.Tests;

public sealed class PlanningTests
{
    private static StoredGenres Vorbis(params string[] genres) => genres.Length == 0
        ? StoredGenres.None
        : new StoredGenres { Fields = new Dictionary<string, IReadOnlyList<string>> { ["GENRE"] = genres }, Genres = genres };

    private static StoredGenres Mp4(string genre) =>
        new() { Fields = new Dictionary<string, IReadOnlyList<string>> { ["©gen"] = [genre] }, Genres = [genre] };

    [Fact]
    public void Keep_leaves_a_file_with_a_genre_alone_and_tags_one_without()
    {
        var planner = new TagPlanner { Mode = TagMode.Keep };

        TagPlan tagged = planner.Plan(AudioContainer.Flac, Vorbis("Rock"), ["hiphop"]);
        TagPlan untagged = planner.Plan(AudioContainer.Flac, Vorbis(), ["hiphop"]);

        Assert.False(tagged.Writes);
        Assert.Contains("--mode keep", tagged.LeftAloneBecause, StringComparison.Ordinal);
        Assert.Equal(["hiphop"], untagged.New);
    }

    [Fact]
    public void Replace_writes_ours_and_leaves_a_file_that_already_has_exactly_them()
    {
        var planner = new TagPlanner { Mode = TagMode.Replace };

        Assert.Equal(["hiphop", "reggae"], planner.Plan(AudioContainer.Opus, Vorbis("Rock"), ["hiphop", "reggae"]).New);
        Assert.False(planner.Plan(AudioContainer.Opus, Vorbis("hiphop"), ["hiphop"]).Writes);
    }

    [Fact]
    public void Merge_adds_ours_after_theirs_without_case_insensitive_duplicates()
    {
        var planner = new TagPlanner { Mode = TagMode.Merge };

        TagPlan plan = planner.Plan(AudioContainer.OggVorbis, Vorbis("Rock", "Hip-Hop"), ["hip-hop", "jazz"]);
        TagPlan nothingNew = planner.Plan(AudioContainer.OggVorbis, Vorbis("Rock", "JAZZ"), ["jazz"]);

        Assert.Equal(["Rock", "Hip-Hop", "jazz"], plan.New);
        Assert.False(nothingNew.Writes);
    }

    [Fact]
    public void Single_value_containers_join_with_the_delimiter_and_split_theirs_when_merging()
    {
        var planner = new TagPlanner { Mode = TagMode.Merge, Delimiter = " / " };

        TagPlan plan = planner.Plan(AudioContainer.Mp4, Mp4("Rock / Pop"), ["pop", "metal"]);

        Assert.Equal(["Rock / Pop / metal"], plan.New);
    }

    [Fact]
    public void Choice_takes_the_top_k_above_the_threshold_renamed_by_the_map()
    {
        var map = new GenreMap(new Dictionary<string, string?> { ["hiphop"] = "Hip-Hop", ["disco"] = null });
        var choice = new GenreChoice { Top = 3, MinConfidence = 0.2f, Map = map };

        IReadOnlyList<string> names = choice.Choose(Scores.Of(("rock", 0.1f), ("disco", 0.3f), ("hiphop", 0.4f), ("jazz", 0.2f)));

        Assert.Equal(["Hip-Hop", "jazz"], names);
    }

    [Fact]
    public void The_default_choice_is_the_top_genre_only_and_nothing_when_unsure()
    {
        var choice = new GenreChoice();

        Assert.Equal(["pop"], choice.Choose(Scores.Of(("pop", 0.7f), ("rock", 0.3f))));
        Assert.Empty(choice.Choose(Scores.Of(("pop", 0.45f), ("rock", 0.4f), ("jazz", 0.15f))));
    }

    [Fact]
    public void A_map_file_is_read_and_bad_entries_are_named()
    {
        using var folder = new TempFolder();
        string good = Path.Combine(folder.Path, "map.json");
        string bad = Path.Combine(folder.Path, "bad.json");
        File.WriteAllText(good, "{ \"hiphop\": \"Hip-Hop\", // comment\n \"disco\": null, }");
        File.WriteAllText(bad, "{ \"hiphop\": 3 }");

        GenreMap map = GenreMap.Load(good);
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => GenreMap.Load(bad));

        Assert.Equal("Hip-Hop", map.NameOf("hiphop"));
        Assert.Null(map.NameOf("disco"));
        Assert.Equal("rock", map.NameOf("rock"));
        Assert.Equal(["disco", "hiphop"], map.UnknownLabels(["rock"]));
        Assert.Contains("bad.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"hiphop\"", error.Message, StringComparison.Ordinal);
    }
}
