using GenreML.Audio.Decoding;

namespace GenreML.Audio.Tests.Decoding.Builders;

/// <summary>Decodes test bytes through both a seekable and a pipe-like stream and checks both paths agree.</summary>
internal static class Decode
{
    public static AudioSignal Wav(byte[] file) => Both(file, WavDecoder.Read, "test.wav");

    public static AudioSignal Au(byte[] file) => Both(file, AuDecoder.Read, "test.au");

    /// <summary>Asserts that both stream kinds fail with <see cref="AudioFormatException"/>; returns the seekable path's error.</summary>
    public static AudioFormatException WavError(byte[] file) => BothFail(file, WavDecoder.Read, "test.wav");

    public static AudioFormatException AuError(byte[] file) => BothFail(file, AuDecoder.Read, "test.au");

    private static AudioSignal Both(byte[] file, Func<Stream, string, AudioSignal> read, string name)
    {
        var seekable = read(new MemoryStream(file, writable: false), name);
        var piped = read(new NonSeekableStream(file), name);
        Assert.Equal(seekable.Samples, piped.Samples);
        Assert.Equal(seekable.SampleRate, piped.SampleRate);
        Assert.Equal(seekable.SourceChannels, piped.SourceChannels);
        Assert.Equal(seekable.Warning, piped.Warning);
        return seekable;
    }

    private static AudioFormatException BothFail(byte[] file, Func<Stream, string, AudioSignal> read, string name)
    {
        var error = Assert.Throws<AudioFormatException>(() => read(new MemoryStream(file, writable: false), name));
        Assert.Throws<AudioFormatException>(() => read(new NonSeekableStream(file), name));
        Assert.Equal(name, error.Source);
        return error;
    }
}
