namespace GenreML.Training.Models;

/// <summary>How the <c>default</c> network turns its last feature map into class scores.</summary>
public enum ClassifierHead
{
    /// <summary>Average over frequency and time, then one Linear layer: the classifier sees only which patterns occur.</summary>
    Global,

    /// <summary>
    /// Average over time only, keeping the frequency rows (Mel bands / 16), then one Linear layer over all of them:
    /// the classifier also sees in which register each pattern occurs.
    /// </summary>
    Bands,
}
