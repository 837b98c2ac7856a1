using GenreML.Audio.Features;
using GenreML.Onnx.Building;

namespace GenreML.Onnx.FrontEnd;

/// <summary>
/// Emits the log-Mel front end as ONNX nodes: (centre padding) → STFT with the padded periodic Hann window →
/// power or magnitude → MatMul with the constant Mel matrix → dB (floor, reference, top_db over each input) →
/// <c>[N, 1, mel bands, frames]</c>. Each graph input is treated as one clip (reference and top_db use its maximum).
/// </summary>
internal static class WaveformFrontEndGraph
{
    private const string Prefix = "frontend";

    /// <summary>Samples a waveform needs so that the front end yields <paramref name="frames"/> frames.</summary>
    public static long SampleCount(LogMelOptions options, int frames) =>
        ((long)(frames - 1) * options.HopLength) + (options.Center ? 0 : options.FftSize);

    /// <summary>Appends the front end reading <paramref name="waveform"/> <c>[N, samples]</c>; returns the log-Mel value name.</summary>
    public static string Append(OnnxGraphBuilder graph, string waveform, LogMelOptions options)
    {
        string value = waveform;
        if (options.Center)
        {
            long half = options.FftSize / 2;
            string pads = graph.AddInitializer($"{Prefix}.centre_pads", [0L, half, 0L, half], [4]);
            value = graph.AddNode("Pad", $"{Prefix}/CentrePad", value, pads)
                .String("mode", options.PadMode == PadMode.Reflect ? "reflect" : "constant").Output;
        }

        string lastAxis = graph.AddInitializer($"{Prefix}.last_axis", [-1L], [1]);
        value = graph.AddNode("Unsqueeze", $"{Prefix}/AsRealSignal", value, lastAxis).Output;
        string step = graph.AddInitializer($"{Prefix}.hop_length", [(long)options.HopLength], []);
        string window = graph.AddInitializer($"{Prefix}.window", FrontEndConstants.PaddedHann(options), [options.FftSize], "Periodic Hann window, zero-padded to the FFT length.");
        value = graph.AddNode("STFT", $"{Prefix}/STFT", value, step, window).Int("onesided", 1).Output;
        value = graph.AddNode("ReduceSumSquare", $"{Prefix}/Power", value).Ints("axes", -1).Int("keepdims", 0).Output;
        if (options.Spectrum == SpectrumKind.Magnitude)
        {
            value = graph.AddNode("Sqrt", $"{Prefix}/Magnitude", value).Output;
        }

        string mel = graph.AddInitializer($"{Prefix}.mel_filters", FrontEndConstants.MelBinsByBands(options), [options.FrequencyBins, options.MelBands],
            $"{options.MelScale} Mel scale, {options.MelNorm} normalisation, {options.FMin}–{options.EffectiveFMax} Hz.");
        value = graph.AddNode("MatMul", $"{Prefix}/MelFilters", value, mel).Output;

        if (options.ToDecibels)
        {
            value = graph.AddNode("Max", $"{Prefix}/Floor", value, graph.AddScalar($"{Prefix}.amin", (float)options.AMin)).Output;
            value = graph.AddNode("Log", $"{Prefix}/Log", value).Output;
            value = graph.AddNode("Mul", $"{Prefix}/Decibels", value, graph.AddScalar($"{Prefix}.ten_over_ln10", (float)(10 / Math.Log(10)))).Output;
            if (options.DbReference == DbReference.Max)
            {
                string peak = graph.AddNode("ReduceMax", $"{Prefix}/ReferencePeak", value).Ints("axes", 1, 2).Int("keepdims", 1).Output;
                value = graph.AddNode("Sub", $"{Prefix}/Reference", value, peak).Output;
            }

            if (options.TopDb is { } topDb)
            {
                string peak = graph.AddNode("ReduceMax", $"{Prefix}/Peak", value).Ints("axes", 1, 2).Int("keepdims", 1).Output;
                string floor = graph.AddNode("Sub", $"{Prefix}/TopDbFloor", peak, graph.AddScalar($"{Prefix}.top_db", (float)topDb)).Output;
                value = graph.AddNode("Max", $"{Prefix}/TopDb", value, floor).Output;
            }
        }

        value = graph.AddNode("Transpose", $"{Prefix}/BandsFirst", value).Ints("perm", 0, 2, 1).Output;
        string channelAxis = graph.AddInitializer($"{Prefix}.channel_axis", [1L], [1]);
        return graph.AddNode("Unsqueeze", $"{Prefix}/Channel", value, channelAxis).Output;
    }
}
