using GenreML.MLNet.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GenreML.MLNet.Tests;

/// <summary>Reads scored-clip rows through a cursor (the way ML.NET consumers do).</summary>
internal static class ScoredRows
{
    public sealed record Row(string Path, uint Label, float[] Score, uint PredictedLabel, double Duration, int Windows, string Error);

    public static List<Row> Read(IDataView scored)
    {
        var rows = new List<Row>();
        DataViewSchema schema = scored.Schema;
        using DataViewRowCursor cursor = scored.GetRowCursor(schema);
        var path = cursor.GetGetter<ReadOnlyMemory<char>>(schema[AudioColumns.Path]);
        ValueGetter<uint>? label = schema.GetColumnOrNull(AudioColumns.Label) is { } l ? cursor.GetGetter<uint>(l) : null;
        var score = cursor.GetGetter<VBuffer<float>>(schema[AudioColumns.Score]);
        var predicted = cursor.GetGetter<uint>(schema[AudioColumns.PredictedLabel]);
        var duration = cursor.GetGetter<double>(schema[AudioColumns.Duration]);
        var windows = cursor.GetGetter<int>(schema[AudioColumns.Windows]);
        var error = cursor.GetGetter<ReadOnlyMemory<char>>(schema[AudioColumns.Error]);
        while (cursor.MoveNext())
        {
            ReadOnlyMemory<char> p = default, e = default;
            uint lab = 0, pred = 0;
            VBuffer<float> s = default;
            double d = 0;
            int w = 0;
            path(ref p);
            label?.Invoke(ref lab);
            score(ref s);
            predicted(ref pred);
            duration(ref d);
            windows(ref w);
            error(ref e);
            rows.Add(new Row(p.ToString(), lab, s.DenseValues().ToArray(), pred, d, w, e.ToString()));
        }

        return rows;
    }
}
