using GenreML.Audio.Features;
using GenreML.Inference.Cards;
using GenreML.MLNet.Data;
using GenreML.MLNet.Scoring;
using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace GenreML.MLNet.Tests;

/// <summary>The ML.NET path must give the clip scores of a direct ONNX Runtime run over the same windows.</summary>
public sealed class AgreementTests
{
    [Fact]
    public void MLNet_clip_scores_match_a_direct_onnx_runtime_batch_within_1e_5()
    {
        using var audio = new TestAudio();
        List<string> paths = audio.AddLabelled(["classical", "disco", "reggae"], perGenre: 1, seconds: 4);
        paths.Add(audio.AddClip("rock/short.wav", "rock", 3, seconds: 0.5, sampleRate: 16000));
        var ml = new MLContext(seed: 1);
        using GenreScoringTransformer scorer = ml.Transforms.ScoreGenres(TestAudio.TinyModel);
        List<ScoredClip> clips = ScoredClipReader.Read(scorer.Transform(ml.Data.LoadFromAudioFolder(audio.Root))).ToList();

        ModelCard card = scorer.Card;
        var featurizer = new ClipFeaturizer(card.Features);
        using var session = new InferenceSession(scorer.ModelPath);
        Assert.Equal(paths.Count, clips.Count);
        foreach (ScoredClip clip in clips)
        {
            float[][] windows = SpectrogramWindows.Cut(featurizer.Featurize(clip.Path), card.WindowFrames, card.WindowHop);
            float[] expected = DirectMean(session, card, windows);
            Assert.Equal(windows.Length, clip.Windows);
            Assert.Equal(Array.IndexOf(expected, expected.Max()) + 1, (int)clip.PredictedLabel);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - clip.Score[i]) <= 1e-5f, $"{clip.Path} label {i}: direct {expected[i]} vs ML.NET {clip.Score[i]}");
            }
        }
    }

    private static float[] DirectMean(InferenceSession session, ModelCard card, float[][] windows)
    {
        int bands = card.Features.MelBands, frames = card.WindowFrames, labels = card.Labels.Count;
        var input = new DenseTensor<float>([windows.Length, 1, bands, frames]);
        for (int w = 0; w < windows.Length; w++)
        {
            windows[w].CopyTo(input.Buffer.Span.Slice(w * windows[w].Length));
        }

        using var results = session.Run([NamedOnnxValue.CreateFromTensor(card.InputName, input)], [card.ProbabilitiesOutput]);
        Tensor<float> probabilities = results.First().AsTensor<float>();
        var mean = new double[labels];
        for (int w = 0; w < windows.Length; w++)
        {
            for (int c = 0; c < labels; c++)
            {
                mean[c] += probabilities[w, c];
            }
        }

        return mean.Select(m => (float)(m / windows.Length)).ToArray();
    }
}
