namespace GenreML.MLNet.Heads;

/// <summary>Cross-validation figures of a head: ML.NET's multiclass metrics per fold, their means, and the confusion matrix over all held-out clips.</summary>
/// <param name="Folds">Folds run.</param>
/// <param name="Grouped">Whether clips of one group always stayed in one fold.</param>
/// <param name="MicroAccuracy">Mean over folds of ML.NET's micro accuracy.</param>
/// <param name="MacroAccuracy">Mean over folds of ML.NET's macro accuracy (balanced accuracy).</param>
/// <param name="LogLoss">Mean over folds of ML.NET's log-loss.</param>
/// <param name="Confusion">Counts <c>[actual, predicted]</c> in label order, summed over the folds' held-out clips.</param>
public sealed record HeadCrossValidation(int Folds, bool Grouped, double MicroAccuracy, double MacroAccuracy, double LogLoss, int[,] Confusion)
{
    /// <summary>The L2 weight the folds were trained with.</summary>
    public float L2 { get; init; }
}
