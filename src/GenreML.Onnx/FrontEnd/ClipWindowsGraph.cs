using GenreML.Onnx.Building;

namespace GenreML.Onnx.FrontEnd;

/// <summary>
/// Emits the cutting of one clip's log-Mel <c>[1, 1, bands, F]</c> into network windows <c>[W, 1, bands, T]</c>, the way
/// GenreML.Audio's <c>SpectrogramWindows.Cut</c> does: windows start at 0, hop, 2·hop … until one reaches the last frame
/// (W = 1 + ceil(max(0, F − T) / hop)); the frame axis is padded with the clip's minimum up to (W − 1)·hop + T and the
/// windows are gathered along it with the index matrix <c>starts[W, 1] + offsets[1, T]</c>. W is computed from the
/// frame count with shape operators, so the sample axis of the graph input can stay dynamic.
/// </summary>
internal static class ClipWindowsGraph
{
    private const string Prefix = "windows";

    /// <summary>The symbolic window count of the window-level outputs.</summary>
    public const string WindowsSymbol = "W";

    /// <summary>Appends the windowing reading <paramref name="logMel"/> <c>[1, 1, bands, F]</c>; returns the <c>[W, 1, bands, T]</c> value name.</summary>
    public static string Append(OnnxGraphBuilder graph, string logMel, int windowFrames, int hopFrames)
    {
        string frames = graph.AddNode("Shape", $"{Prefix}/FrameCount", logMel).Int("start", 3).Int("end", 4).Output;
        string length = graph.AddInitializer($"{Prefix}.window_frames", [(long)windowFrames], [1], "T, frames per window.");
        string hop = graph.AddInitializer($"{Prefix}.hop_frames", [(long)hopFrames], [1], "Frames between the starts of successive windows.");
        string hopLessOne = graph.AddInitializer($"{Prefix}.hop_frames_less_one", [(long)hopFrames - 1], [1]);
        string zero = graph.AddInitializer($"{Prefix}.zero", [0L], [1]);
        string one = graph.AddInitializer($"{Prefix}.one", [1L], [1]);

        string overhang = graph.AddNode("Sub", $"{Prefix}/FramesPastFirstWindow", frames, length).Output;
        overhang = graph.AddNode("Max", $"{Prefix}/NoNegativeOverhang", overhang, zero).Output;
        string roundedUp = graph.AddNode("Add", $"{Prefix}/RoundUp", overhang, hopLessOne).Output;
        string laterWindows = graph.AddNode("Div", $"{Prefix}/LaterWindowCount", roundedUp, hop).Output;
        string lastStart = graph.AddNode("Mul", $"{Prefix}/LastWindowStart", laterWindows, hop).Output;
        string paddedFrames = graph.AddNode("Add", $"{Prefix}/PaddedFrameCount", lastStart, length).Output;
        string padFrames = graph.AddNode("Sub", $"{Prefix}/PadFrameCount", paddedFrames, frames).Output;

        string leadingPads = graph.AddInitializer($"{Prefix}.leading_pads", [0L, 0L, 0L, 0L, 0L, 0L, 0L], [7]);
        string pads = graph.AddNode("Concat", $"{Prefix}/Pads", leadingPads, padFrames).Int("axis", 0).Output;
        string floor = graph.AddNode("ReduceMin", $"{Prefix}/ClipMinimum", logMel).Int("keepdims", 0).Output;
        string padded = graph.AddNode("Pad", $"{Prefix}/PadWithMinimum", logMel, pads, floor).String("mode", "constant").Output;

        string limit = graph.AddNode("Add", $"{Prefix}/StartLimit", lastStart, one).Output;
        limit = graph.AddNode("Squeeze", $"{Prefix}/StartLimitScalar", limit, zero).Output;
        string startZero = graph.AddInitializer($"{Prefix}.first_start", [0L], []);
        string step = graph.AddInitializer($"{Prefix}.start_step", [(long)hopFrames], []);
        string starts = graph.AddNode("Range", $"{Prefix}/Starts", startZero, limit, step).Output;
        starts = graph.AddNode("Unsqueeze", $"{Prefix}/StartsColumn", starts, one).Output;
        long[] offsets = [.. Enumerable.Range(0, windowFrames).Select(i => (long)i)];
        string offsetRow = graph.AddInitializer($"{Prefix}.frame_offsets", offsets, [1, windowFrames], "0 … T − 1, the frames of a window relative to its start.");
        string indices = graph.AddNode("Add", $"{Prefix}/FrameIndices", starts, offsetRow).Output;

        string gathered = graph.AddNode("Gather", $"{Prefix}/Gather", padded, indices).Int("axis", 3).Output;
        string windowsFirst = graph.AddNode("Transpose", $"{Prefix}/WindowsFirst", gathered).Ints("perm", 3, 0, 1, 2, 4).Output;
        return graph.AddNode("Squeeze", $"{Prefix}/AsBatch", windowsFirst, one).Output;
    }
}
