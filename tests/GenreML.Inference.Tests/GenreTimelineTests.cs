using GenreML.Inference.Results;

namespace GenreML.Inference.Tests;

public sealed class GenreTimelineTests
{
    private static WindowPrediction Window(double start, string genre, float confidence) => new()
    {
        Start = TimeSpan.FromSeconds(start),
        End = TimeSpan.FromSeconds(start + 3),
        Genre = genre,
        Confidence = confidence,
        Probabilities = [confidence, 1 - confidence],
    };

    [Fact]
    public void A_genre_change_half_way_gives_two_contiguous_segments()
    {
        WindowPrediction[] windows =
        [
            Window(0, "metal", 0.9f), Window(1.5, "metal", 0.7f), Window(3, "metal", 0.8f),
            Window(4.5, "jazz", 0.6f), Window(6, "jazz", 0.8f), Window(7.5, "jazz", 1.0f),
        ];

        IReadOnlyList<GenreSegment> segments = GenreTimeline.Segments(windows);

        Assert.Equal(2, segments.Count);
        Assert.Equal(new GenreSegment(TimeSpan.Zero, TimeSpan.FromSeconds(4.5), "metal", 0.8f), segments[0] with { Probability = MathF.Round(segments[0].Probability, 5) });
        Assert.Equal(new GenreSegment(TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(10.5), "jazz", 0.8f), segments[1] with { Probability = MathF.Round(segments[1].Probability, 5) });
    }

    [Fact]
    public void No_windows_no_segments() => Assert.Empty(GenreTimeline.Segments([]));
}
