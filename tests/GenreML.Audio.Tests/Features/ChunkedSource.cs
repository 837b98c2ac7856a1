using GenreML.Audio.Decoding;

namespace GenreML.Audio.Tests.Features;

/// <summary>A decoded signal handed out in chunks of an awkward size, to move every block boundary of the streaming code.</summary>
internal sealed class ChunkedSource(float[] samples, int sampleRate, int chunk) : MonoAudioSource("chunked")
{
    private int _position;

    public override int SampleRate => sampleRate;

    public override int SourceChannels => 1;

    public override string DecoderName => "test";

    protected override int ReadCore(Span<float> destination)
    {
        int count = Math.Min(Math.Min(chunk, destination.Length), samples.Length - _position);
        samples.AsSpan(_position, count).CopyTo(destination);
        _position += count;
        return count;
    }
}
