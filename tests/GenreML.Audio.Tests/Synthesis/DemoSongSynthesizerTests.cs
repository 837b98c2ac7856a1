using GenreML.Audio.Synthesis;

namespace GenreML.Audio.Tests.Synthesis;

public class DemoSongSynthesizerTests
{
    [Fact]
    public void Knows_the_ten_gtzan_genres_in_order()
    {
        Assert.Equal(
            ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"],
            DemoSongSynthesizer.Genres);
    }

    [Fact]
    public void Same_arguments_give_the_same_samples()
    {
        float[] first = DemoSongSynthesizer.Render("reggae", 3, seconds: 2);
        float[] second = DemoSongSynthesizer.Render("reggae", 3, seconds: 2);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Variants_and_genres_differ()
    {
        float[] a = DemoSongSynthesizer.Render("metal", 0, seconds: 2);
        float[] b = DemoSongSynthesizer.Render("metal", 1, seconds: 2);
        float[] c = DemoSongSynthesizer.Render("jazz", 0, seconds: 2);
        Assert.NotEqual(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [MemberData(nameof(AllGenres))]
    public void Clips_have_the_requested_length_and_stay_within_full_scale(string genre)
    {
        float[] samples = DemoSongSynthesizer.Render(genre, 0, seconds: 3, sampleRate: 16000);
        Assert.Equal(48000, samples.Length);
        float peak = samples.Max(Math.Abs);
        Assert.InRange(peak, 0.3f, 1.0f);
        Assert.All(samples, s => Assert.True(float.IsFinite(s)));
    }

    [Fact]
    public void Unknown_genre_is_named_in_the_error()
    {
        var error = Assert.Throws<ArgumentException>(() => DemoSongSynthesizer.Render("polka", 0, 1));
        Assert.Contains("polka", error.Message);
    }

    [Fact]
    public void Dataset_writer_lays_out_gtzan_folders_and_keeps_existing_files()
    {
        string root = Path.Combine(Path.GetTempPath(), "genreml-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            IReadOnlyList<string> files = DemoDatasetWriter.Write(root, clipsPerGenre: 1, seconds: 0.5);
            Assert.Equal(10, files.Count);
            Assert.Contains(Path.Combine(root, "disco", "disco.00000.wav"), files);
            DateTime written = File.GetLastWriteTimeUtc(files[0]);
            DemoDatasetWriter.Write(root, clipsPerGenre: 1, seconds: 0.5);
            Assert.Equal(written, File.GetLastWriteTimeUtc(files[0]));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public static TheoryData<string> AllGenres() => new(DemoSongSynthesizer.Genres);
}
