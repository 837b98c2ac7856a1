namespace GenreML.Training.Engine;

/// <summary>Figures of one epoch.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's batches (with augmentation).</param>
/// <param name="TrainAccuracy">Fraction of training windows whose arg-max is the (dominant) label.</param>
/// <param name="ValidLoss">Clip-level validation loss: mean −log of the clip probability of the true label (null: no validation).</param>
/// <param name="ValidAccuracy">Clip-level validation accuracy (null: no validation).</param>
/// <param name="ValidBalancedAccuracy">Clip-level validation balanced accuracy (null: no validation).</param>
/// <param name="LearningRate">Learning rate at the end of the epoch.</param>
/// <param name="Seconds">Wall time of the epoch including validation.</param>
public sealed record EpochRecord(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double? ValidLoss,
    double? ValidAccuracy,
    double? ValidBalancedAccuracy,
    double LearningRate,
    double Seconds);
