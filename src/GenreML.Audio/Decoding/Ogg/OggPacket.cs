namespace GenreML.Audio.Decoding;

/// <summary>One packet of a logical Ogg stream, with what its page says about it.</summary>
/// <param name="Data">The packet's bytes.</param>
/// <param name="Granule">The page's granule position when the packet is the last one completed on its page, else null.</param>
/// <param name="IsLast">True for the last packet of the page flagged end-of-stream.</param>
internal sealed record OggPacket(byte[] Data, long? Granule, bool IsLast);
