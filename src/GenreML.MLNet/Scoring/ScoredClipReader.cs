using GenreML.MLNet.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GenreML.MLNet.Scoring;

/// <summary>Streams the rows of a scored-clip view (<see cref="ClipScoreSchema"/>) as <see cref="ScoredClip"/> records.</summary>
public static class ScoredClipReader
{
    /// <summary>
    /// The label names of <paramref name="scored"/> (the Score column's slot names, or, in a saved and reloaded pipeline
    /// whose Score has no slot names, PredictedLabel's key values), after checking that it has the scored-clip columns
    /// with the right types and a PredictedLabel key over as many genres.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing.</exception>
    /// <exception cref="ArgumentException">A column has the wrong type or size.</exception>
    public static string[] Labels(IDataView scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        DataViewSchema schema = scored.Schema;
        DataViewSchema.Column score = Require(schema, AudioColumns.Score);
        if (score.Type is not VectorDataViewType { ItemType: NumberDataViewType } vector || vector.ItemType != NumberDataViewType.Single)
        {
            throw new ArgumentException($"Column '{AudioColumns.Score}' must be a vector of Single, but it is {score.Type}.", nameof(scored));
        }

        string[] names = Names(score, vector.Size) ?? KeyNames(schema.GetColumnOrNull(AudioColumns.PredictedLabel))
            ?? throw new ArgumentException(
                $"Column '{AudioColumns.Score}' has no slot names for its {vector.Size} slots and '{AudioColumns.PredictedLabel}' no key values (the genre names).", nameof(scored));
        if (vector.Size != 0 && vector.Size != names.Length)
        {
            throw new ArgumentException($"Column '{AudioColumns.Score}' has {vector.Size} slots for {names.Length} genres.", nameof(scored));
        }

        CheckKey(schema, AudioColumns.PredictedLabel, names.Length, required: true);
        if (schema.GetColumnOrNull(AudioColumns.Label) is { Type: not TextDataViewType })
        {
            CheckKey(schema, AudioColumns.Label, names.Length, required: false);
        }

        CheckType(schema, AudioColumns.Path, TextDataViewType.Instance);
        CheckType(schema, AudioColumns.Duration, NumberDataViewType.Double);
        CheckType(schema, AudioColumns.Windows, NumberDataViewType.Int32);
        CheckType(schema, AudioColumns.Error, TextDataViewType.Instance);
        return names;
    }

    private static string[]? Names(DataViewSchema.Column score, int size)
    {
        if (size == 0 || score.Annotations.Schema.GetColumnOrNull("SlotNames") is null)
        {
            return null;
        }

        var names = default(VBuffer<ReadOnlyMemory<char>>);
        score.GetSlotNames(ref names);
        return names.Length == size ? names.DenseValues().Select(n => n.ToString()).ToArray() : null;
    }

    private static string[]? KeyNames(DataViewSchema.Column? key)
    {
        if (key is not { } column || !column.HasKeyValues())
        {
            return null;
        }

        var names = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetKeyValues(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    /// <summary>Reads <paramref name="scored"/> row by row (lazily; scoring happens as the sequence is enumerated).</summary>
    public static IEnumerable<ScoredClip> Read(IDataView scored)
    {
        string[] labels = Labels(scored);
        return ReadChecked(scored, labels);
    }

    private static IEnumerable<ScoredClip> ReadChecked(IDataView scored, string[] labels)
    {
        int size = labels.Length;
        DataViewSchema schema = scored.Schema;
        using DataViewRowCursor cursor = scored.GetRowCursor(schema);
        var path = cursor.GetGetter<ReadOnlyMemory<char>>(schema[AudioColumns.Path]);
        ValueGetter<uint>? label = schema.GetColumnOrNull(AudioColumns.Label) is { } column ? LabelKey(cursor, column, labels) : null;
        var score = cursor.GetGetter<VBuffer<float>>(schema[AudioColumns.Score]);
        var predicted = cursor.GetGetter<uint>(schema[AudioColumns.PredictedLabel]);
        var duration = cursor.GetGetter<double>(schema[AudioColumns.Duration]);
        var windows = cursor.GetGetter<int>(schema[AudioColumns.Windows]);
        var error = cursor.GetGetter<ReadOnlyMemory<char>>(schema[AudioColumns.Error]);
        ValueGetter<ReadOnlyMemory<char>>? status = schema.GetColumnOrNull(AudioColumns.Status) is { } statusColumn ? cursor.GetGetter<ReadOnlyMemory<char>>(statusColumn) : null;
        ValueGetter<VBuffer<float>>? windowScores = schema.GetColumnOrNull(AudioColumns.WindowScores) is { } windowColumn ? cursor.GetGetter<VBuffer<float>>(windowColumn) : null;
        VBuffer<float> scores = default, rows = default;
        while (cursor.MoveNext())
        {
            ReadOnlyMemory<char> p = default, e = default, s = default;
            uint l = 0, pr = 0;
            double d = 0;
            int w = 0;
            path(ref p);
            label?.Invoke(ref l);
            score(ref scores);
            predicted(ref pr);
            duration(ref d);
            windows(ref w);
            error(ref e);
            status?.Invoke(ref s);
            float[] values = new float[size];
            scores.CopyTo(values);
            float[]? perWindow = null;
            if (windowScores is not null)
            {
                windowScores(ref rows);
                perWindow = rows.DenseValues().ToArray();
            }

            yield return new ScoredClip(p.ToString(), l, values, pr, d, w, e.ToString(), s.ToString(), perWindow);
        }
    }

    private static ValueGetter<uint> LabelKey(DataViewRowCursor cursor, DataViewSchema.Column column, string[] labels)
    {
        if (column.Type is not TextDataViewType)
        {
            return cursor.GetGetter<uint>(column);
        }

        var text = cursor.GetGetter<ReadOnlyMemory<char>>(column);
        return (ref uint key) =>
        {
            ReadOnlyMemory<char> name = default;
            text(ref name);
            key = (uint)(Array.IndexOf(labels, name.ToString()) + 1);
        };
    }

    private static DataViewSchema.Column Require(DataViewSchema schema, string name) =>
        schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(
            nameof(schema), $"Column '{name}' not found; scored clips need {AudioColumns.Path}, {AudioColumns.Score}, {AudioColumns.PredictedLabel}, {AudioColumns.Duration}, {AudioColumns.Windows} and {AudioColumns.Error}.");

    private static void CheckType(DataViewSchema schema, string name, DataViewType expected)
    {
        DataViewSchema.Column column = Require(schema, name);
        if (!column.Type.Equals(expected))
        {
            throw new ArgumentException($"Column '{name}' must be {expected}, but it is {column.Type}.");
        }
    }

    private static void CheckKey(DataViewSchema schema, string name, int size, bool required)
    {
        DataViewSchema.Column? column = required ? Require(schema, name) : schema.GetColumnOrNull(name);
        if (column is { } c && (c.Type is not KeyDataViewType key || key.RawType != typeof(uint) || key.Count != (ulong)size))
        {
            throw new ArgumentException($"Column '{name}' must be a UInt32 key over the {size} genres of the Score vector, but it is {c.Type}.");
        }
    }
}
