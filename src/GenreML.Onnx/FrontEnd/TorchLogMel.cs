using GenreML.Audio.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace GenreML.Onnx.FrontEnd;

/// <summary>The same front end with TorchSharp operators (torch.stft), to verify the exported graph.</summary>
internal static class TorchLogMel
{
    /// <summary>Log-Mel <c>[N, 1, bands, frames]</c> of <paramref name="waveform"/> <c>[N, samples]</c>.</summary>
    public static Tensor Compute(Tensor waveform, LogMelOptions options)
    {
        var window = torch.tensor(FrontEndConstants.PaddedHann(options));
        var spectrum = torch.stft(waveform, options.FftSize, options.HopLength, options.FftSize, window, options.Center,
            options.PadMode == PadMode.Reflect ? PaddingModes.Reflect : PaddingModes.Constant, normalized: false, onesided: true, return_complex: true).abs();
        if (options.Spectrum == SpectrumKind.Power)
        {
            spectrum = spectrum.square();
        }

        var filters = torch.tensor(FrontEndConstants.MelBinsByBands(options), [options.FrequencyBins, options.MelBands]);
        var mel = torch.matmul(filters.t(), spectrum);
        if (options.ToDecibels)
        {
            mel = mel.clamp_min(options.AMin).log10() * 10;
            if (options.DbReference == DbReference.Max)
            {
                mel = mel - mel.amax([1, 2], keepdim: true);
            }

            if (options.TopDb is { } topDb)
            {
                mel = torch.maximum(mel, mel.amax([1, 2], keepdim: true) - topDb);
            }
        }

        return mel.unsqueeze(1);
    }
}
