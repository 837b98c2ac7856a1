namespace GenreML.Audio.Decoding;

/// <summary>A decoded signal already in memory, read in chunks like a file (<see cref="MonoAudioSource.FromSignal"/>).</summary>
internal sealed class SignalSource : MonoAudioSource
{
    private readonly AudioSignal _signal;
    private int _position;

    public SignalSource(AudioSignal signal, string sourceName)
        : base(sourceName)
    {
        _signal = signal;
    }

    public override int SampleRate => _signal.SampleRate;

    public override int SourceChannels => _signal.SourceChannels;

    public override string DecoderName => "memory";

    protected override int ReadCore(Span<float> destination)
    {
        int count = Math.Min(destination.Length, _signal.Samples.Length - _position);
        _signal.Samples.AsSpan(_position, count).CopyTo(destination);
        _position += count;
        if (count == 0)
        {
            Warning = _signal.Warning;
        }

        return count;
    }
}
