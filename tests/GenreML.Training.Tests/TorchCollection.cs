namespace GenreML.Training.Tests;

/// <summary>
/// Tests that create or train TorchSharp networks share TorchSharp's global random generator (weight
/// initialisation, dropout), so they run one after another: a run's exact figures depend on nobody else
/// drawing from it at the same time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TorchCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "torch global random generator";
}
