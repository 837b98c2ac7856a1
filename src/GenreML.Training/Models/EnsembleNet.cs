using GenreML.Onnx.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenreML.Training.Models;

/// <summary>
/// A seed ensemble: members of the same architecture run on the same window and their class probabilities are
/// averaged. The forward returns <c>log(mean softmax)</c>, so a softmax of it (as in <see cref="Engine.Evaluator"/>
/// and every exported graph) gives exactly the averaged probabilities; the ONNX export is one graph
/// (<see cref="IProbabilityEnsemble"/>) with the same input and outputs as a single network.
/// </summary>
public sealed class EnsembleNet : nn.Module<Tensor, Tensor>, IProbabilityEnsemble
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> members;

    /// <summary>Takes ownership of <paramref name="members"/> (at least one).</summary>
    public EnsembleNet(IReadOnlyList<nn.Module<Tensor, Tensor>> members) : base(nameof(EnsembleNet))
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0) throw new ArgumentException("an ensemble needs at least one member", nameof(members));
        this.members = nn.ModuleList(members.ToArray());
        RegisterComponents();
    }

    /// <inheritdoc />
    public IReadOnlyList<nn.Module<Tensor, Tensor>> Members => members.ToList();

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor? sum = null;
        foreach (var member in members)
        {
            var p = nn.functional.softmax(member.call(input), 1);
            sum = sum is null ? p : sum + p;
        }

        return (sum! / members.Count).log().MoveToOuterDisposeScope();
    }
}
