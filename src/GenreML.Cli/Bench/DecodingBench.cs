using System.Diagnostics;
using GenreML.Audio;
using GenreML.Audio.Decoding;

namespace GenreML.Cli.Bench;

/// <summary>
/// <c>genreml bench decoding</c>: milliseconds to decode a 30-s clip and a 4-minute song of each
/// format with the managed decoders and with ffmpeg, single-threaded, in the same run; and optionally
/// the parity of the two on every audio file of a folder (same length, largest sample difference).
/// The test files are made by ffmpeg from a synthetic stereo signal at 44.1 kHz.
/// </summary>
internal static class DecodingBench
{
    private static readonly AudioDecodeOptions Managed = new() { FfmpegExecutable = "/nonexistent/ffmpeg" };
    private static readonly AudioDecodeOptions ViaFfmpeg = new() { ForceFfmpeg = true };

    private static readonly (string Format, string Extension, string[] Codec)[] Formats =
    [
        ("WAV 16-bit", "wav", ["-c:a", "pcm_s16le"]),
        ("AU 16-bit", "au", ["-c:a", "pcm_s16be"]),
        ("MP3 128k", "mp3", ["-c:a", "libmp3lame", "-b:a", "128k"]),
        ("FLAC", "flac", ["-c:a", "flac"]),
        ("Ogg Vorbis q4", "ogg", ["-c:a", "libvorbis", "-q:a", "4"]),
        ("Ogg Opus 96k", "opus", ["-c:a", "libopus", "-b:a", "96k"]),
    ];

    /// <summary>Runs the bench; returns the exit code.</summary>
    public static int Run(TextWriter output, int repetitions, string? parityFolder)
    {
        string folder = Directory.CreateTempSubdirectory("genreml-bench-decoding-").FullName;
        try
        {
            if (!MakeSource(folder, 30, "30s") || !MakeSource(folder, 240, "240s"))
            {
                Console.Error.WriteLine("error: bench decoding needs ffmpeg (with libmp3lame, libvorbis, libopus) to make its test files");
                return 2;
            }

            output.WriteLine($"decode time, median of {repetitions}, single-threaded (ms; stereo 44.1 kHz synthetic audio, mono float output)");
            output.WriteLine("| format | 30-s clip managed | 30-s clip ffmpeg | 4-min song managed | 4-min song ffmpeg |");
            output.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var (format, extension, codec) in Formats)
            {
                string clip = Encode(folder, "30s", extension, codec);
                string song = Encode(folder, "240s", extension, codec);
                output.WriteLine($"| {format} | {MedianMilliseconds(clip, Managed, repetitions):F1} | {MedianMilliseconds(clip, ViaFfmpeg, repetitions):F1} | {MedianMilliseconds(song, Managed, repetitions):F1} | {MedianMilliseconds(song, ViaFfmpeg, repetitions):F1} |");
            }

            if (parityFolder is not null)
            {
                Parity(output, parityFolder);
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Managed against ffmpeg on every audio file under <paramref name="folder"/>: lengths and the largest difference.</summary>
    private static void Parity(TextWriter output, string folder)
    {
        var byDecoder = new SortedDictionary<string, (int Files, int SameLength, double Worst, long Samples)>();
        foreach (string path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(AudioDecoder.IsSupportedExtension).Order())
        {
            string decoder;
            AudioSignal managed, reference;
            try
            {
                using (var source = AudioDecoder.Open(path, Managed))
                {
                    decoder = source.DecoderName;
                    managed = source.ReadToEnd();
                }

                reference = AudioDecoder.Read(path, ViaFfmpeg);
            }
            catch (AudioFormatException error)
            {
                output.WriteLine($"  {error.Message}");
                continue;
            }

            double worst = 0;
            for (int i = 0; i < Math.Min(managed.Samples.Length, reference.Samples.Length); i++)
            {
                worst = Math.Max(worst, Math.Abs(managed.Samples[i] - reference.Samples[i]));
            }

            var entry = byDecoder.GetValueOrDefault(decoder);
            byDecoder[decoder] = (entry.Files + 1, entry.SameLength + (managed.Samples.Length == reference.Samples.Length ? 1 : 0), Math.Max(entry.Worst, worst), entry.Samples + managed.Samples.Length);
        }

        output.WriteLine();
        output.WriteLine($"parity with ffmpeg on {folder}");
        output.WriteLine("| decoder | files | same length | max abs difference | samples |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (decoder, (files, same, worst, samples)) in byDecoder)
        {
            output.WriteLine($"| {decoder} | {files} | {same} | {worst:E2} | {samples} |");
        }
    }

    private static double MedianMilliseconds(string path, AudioDecodeOptions options, int repetitions)
    {
        AudioDecoder.Read(path, options);
        var times = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            AudioDecoder.Read(path, options);
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        return Timings.Median(times);
    }

    private static bool MakeSource(string folder, int seconds, string name) => Ffmpeg(
        ["-f", "lavfi", "-i", $"sine=f=220:r=44100:d={seconds}", "-f", "lavfi", "-i", $"anoisesrc=r=44100:d={seconds}:a=0.1:seed=2",
         "-filter_complex", "[0][1]amerge=inputs=2[o]", "-map", "[o]", "-c:a", "pcm_s16le", Path.Combine(folder, name + ".source.wav")]);

    private static string Encode(string folder, string name, string extension, string[] codec)
    {
        string path = Path.Combine(folder, $"{name}.{extension}");
        if (!Ffmpeg(["-i", Path.Combine(folder, name + ".source.wav"), .. codec, path]))
        {
            throw new InvalidOperationException($"ffmpeg could not make {path}");
        }

        return path;
    }

    /// <summary>Runs ffmpeg quietly with <paramref name="arguments"/>; false when it fails or is not installed.</summary>
    internal static bool Ffmpeg(string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in (string[])["-hide_banner", "-loglevel", "error", "-nostdin", "-y", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEnd();
            stdout.Wait();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
