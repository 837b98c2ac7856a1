namespace GenreML.Audio.Tests.Decoding.Builders;

/// <summary>
/// One chunk of a RIFF file under construction. <paramref name="SizeField"/> overrides the size
/// written in the chunk header (to fake streaming writers or lying headers); <paramref name="Pad"/>
/// says whether an odd-sized body gets its pad byte.
/// </summary>
internal sealed record RiffChunk(string Id, byte[] Body, uint? SizeField = null, bool Pad = true);
