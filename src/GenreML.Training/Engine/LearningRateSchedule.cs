namespace GenreML.Training.Engine;

/// <summary>How the learning rate changes during a run.</summary>
public enum LearningRateSchedule
{
    /// <summary>Constant until validation loss stops falling for <c>PlateauPatience</c> epochs, then multiplied by <c>PlateauFactor</c> (PyTorch's ReduceLROnPlateau).</summary>
    Plateau,

    /// <summary>Per batch: linear warm-up from lr/25 to lr over the first 10 % of steps, then cosine decay to lr/1000 (one-cycle shape).</summary>
    OneCycle,
}
