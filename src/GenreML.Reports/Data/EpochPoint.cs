namespace GenreML.Reports.Data;

/// <summary>
/// The metrics of one training epoch, as plotted on the learning curves.
/// Accuracies are fractions in [0, 1]; a value of <see cref="double.NaN"/> means "not measured" and is left out of the plot.
/// </summary>
/// <param name="Epoch">The epoch number (usually 1-based).</param>
/// <param name="TrainLoss">Mean training loss over the epoch.</param>
/// <param name="ValLoss">Validation loss after the epoch.</param>
/// <param name="TrainAccuracy">Training accuracy, 0–1.</param>
/// <param name="ValAccuracy">Validation accuracy, 0–1.</param>
/// <param name="LearningRate">Learning rate used during the epoch (must be positive: it is drawn on a log axis).</param>
public sealed record EpochPoint(
    int Epoch,
    double TrainLoss,
    double ValLoss,
    double TrainAccuracy,
    double ValAccuracy,
    double LearningRate);
