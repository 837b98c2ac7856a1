using TorchSharp;
using static TorchSharp.torch;

namespace GenreML.Training.Engine;

/// <summary>
/// An exponential moving average of a network's weights and batch-norm statistics, updated after every
/// optimiser step: <c>avg ← d·avg + (1 − d)·w</c> with <c>d = min(decay, (1 + t) / (10 + t))</c> at step t, so
/// early steps are not held back by the random initial weights. Integer buffers (batch counters) are copied.
/// Evaluating and keeping the averaged weights smooths the step-to-step noise of training on few clips.
/// </summary>
internal sealed class WeightAverage : IDisposable
{
    private readonly (Tensor Live, Tensor Average)[] _pairs;
    private readonly double _decay;

    /// <summary>Starts the average at <paramref name="model"/>'s current weights.</summary>
    public WeightAverage(nn.Module model, double decay)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(decay > 0 && decay < 1)) throw new ArgumentOutOfRangeException(nameof(decay), decay, "the decay must be in (0, 1)");
        _decay = decay;
        using var noGrad = no_grad();
        _pairs = model.parameters().Concat(model.buffers())
            .Select(t => (t, t.detach().clone()))
            .ToArray();
    }

    /// <summary>Folds the model's current weights into the average; <paramref name="step"/> counts optimiser steps from 0.</summary>
    public void Update(long step)
    {
        double d = Math.Min(_decay, (1.0 + step) / (10.0 + step));
        using var noGrad = no_grad();
        using Scalar kept = d.ToScalar(), added = (1 - d).ToScalar();
        foreach (var (live, average) in _pairs)
        {
            if (average.is_floating_point()) average.mul_(kept).add_(live, added);
            else average.copy_(live);
        }
    }

    /// <summary>Exchanges the model's weights and the average (call again to swap back).</summary>
    public void Swap()
    {
        using var noGrad = no_grad();
        foreach (var (live, average) in _pairs)
        {
            using var held = live.clone();
            live.copy_(average);
            average.copy_(held);
        }
    }

    /// <summary>Releases the averaged tensors.</summary>
    public void Dispose()
    {
        foreach (var (_, average) in _pairs) average.Dispose();
    }
}
