namespace GenreML.Training.Engine;

/// <summary>How a call to <see cref="Trainer.Fit"/> ended.</summary>
/// <param name="History">Figures of every epoch, including those before a resume.</param>
/// <param name="BestEpoch">Epoch whose weights the model holds afterwards.</param>
/// <param name="BestValidBalancedAccuracy">Validation balanced accuracy of that epoch.</param>
/// <param name="StoppedEarly">Whether early stopping ended the run before the last epoch.</param>
internal sealed record TrainingOutcome(IReadOnlyList<EpochRecord> History, int BestEpoch, double BestValidBalancedAccuracy, bool StoppedEarly);
