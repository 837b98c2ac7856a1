using GenreML.MLNet.Saving;

namespace Microsoft.ML;

/// <summary>Registration of GenreML's savable pipeline steps with an <see cref="MLContext"/>.</summary>
public static class GenreMLContextExtensions
{
    /// <summary>
    /// Registers GenreML's custom mapping factories with <paramref name="mlContext"/>'s component catalog, so that
    /// <c>mlContext.Model.Load</c> can rebuild a saved pipeline that scores genres (ML.NET's error otherwise is
    /// "Unable to locate an extension for the contract"). Call it once, before loading; returns the context.
    /// </summary>
    public static MLContext AddGenreML(this MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        mlContext.ComponentCatalog.RegisterAssembly(typeof(SavedScoringFactory).Assembly);
        return mlContext;
    }
}
