namespace GenreML.Training.Engine;

/// <summary>
/// The one-cycle learning-rate shape, a pure function of the step so a resumed run continues it exactly:
/// linear warm-up from peak/25 to peak over the first 10 % of steps, then cosine decay to peak/1000.
/// </summary>
internal static class OneCycleRate
{
    /// <summary>Learning rate at 0-based <paramref name="step"/> of <paramref name="totalSteps"/>.</summary>
    public static double At(int step, int totalSteps, double peak)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalSteps);
        double start = peak / 25, end = peak / 1000;
        int warm = Math.Max(1, (int)Math.Round(0.1 * totalSteps));
        if (step < warm) return start + (peak - start) * step / warm;
        double progress = totalSteps == warm ? 1 : Math.Min(1.0, (double)(step - warm) / (totalSteps - warm));
        return end + (peak - end) * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }
}
