using GenreML.Audio.Decoding;
using GenreML.Audio.Features;
using GenreML.Audio.Synthesis;

namespace GenreML.Audio.Tests.Features;

public class ClipFeaturizerTests
{
    private static readonly LogMelOptions Small = new() { FftSize = 512, WindowLength = 512, HopLength = 256, MelBands = 32 };

    [Fact]
    public void A_file_and_its_samples_give_the_same_features()
    {
        float[] samples = DemoSongSynthesizer.Render("rock", 0, seconds: 1);
        string path = Path.Combine(Path.GetTempPath(), $"genreml-feat-{Guid.NewGuid():N}.wav");
        try
        {
            WavWriter.Write(path, samples, 22050, format: WavSampleFormat.Float32);
            var featurizer = new ClipFeaturizer(Small);
            Spectrogram fromFile = featurizer.Featurize(path);
            Spectrogram fromSignal = new LogMelExtractor(Small).Compute(samples);
            Assert.Equal(fromSignal.Data, fromFile.Data);
            Assert.Equal(32, fromFile.Bands);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Signals_at_another_rate_are_resampled_first()
    {
        var featurizer = new ClipFeaturizer(Small);
        var signal = new AudioSignal(DemoSongSynthesizer.Render("jazz", 0, seconds: 1, sampleRate: 44100), 44100);
        AudioSignal converted = featurizer.ToFeatureRate(signal);
        Assert.Equal(22050, converted.SampleRate);
        Assert.Equal(22050, converted.Samples.Length);
        Assert.Equal(Small.FrameCount(22050), featurizer.Compute(signal).Frames);
    }

    [Fact]
    public void Undecodable_files_raise_the_audio_format_error_with_the_path()
    {
        string path = Path.Combine(Path.GetTempPath(), $"genreml-bad-{Guid.NewGuid():N}.wav");
        File.WriteAllBytes(path, "RIFF\0\0\0\0WAVEjunk"u8.ToArray());
        try
        {
            var error = Assert.Throws<AudioFormatException>(() => new ClipFeaturizer(Small).Featurize(path));
            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
