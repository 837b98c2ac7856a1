using Microsoft.ML;
using Microsoft.ML.Data;

namespace GenreML.MLNet.Data;

/// <summary>Type checks and value copies shared by the row cursors of this library.</summary>
internal static class Getters
{
    /// <summary>Throws when <paramref name="column"/> is not of <paramref name="schema"/> or is asked for as the wrong .NET type.</summary>
    public static void CheckType<TAsked, TActual>(DataViewSchema schema, DataViewSchema.Column column)
    {
        if (column.Index < 0 || column.Index >= schema.Count || schema[column.Index].Name != column.Name)
        {
            throw new ArgumentOutOfRangeException(nameof(column), $"Column '{column.Name}' is not a column of this row.");
        }

        if (typeof(TAsked) != typeof(TActual))
        {
            throw new InvalidOperationException(
                $"Column '{column.Name}' holds {typeof(TActual).Name} values ({column.Type}); it cannot be read as {typeof(TAsked).Name}.");
        }
    }

    /// <summary>A row-id getter over the cursor position.</summary>
    public static ValueGetter<DataViewRowId> RowId(Func<long> position) =>
        (ref DataViewRowId value) => value = new DataViewRowId((ulong)position(), 0);

    /// <summary>
    /// Returns <paramref name="getter"/> for <paramref name="column"/> after checking, as <see cref="CheckType"/>
    /// does, that the column belongs to <paramref name="schema"/> and is asked for as its own type.
    /// </summary>
    public static Delegate Checked<TAsked, TActual>(DataViewSchema schema, DataViewSchema.Column column, ValueGetter<TActual> getter)
    {
        CheckType<TAsked, TActual>(schema, column);
        return getter;
    }

    /// <summary>Copies <paramref name="source"/> into the dense vector <paramref name="value"/>, reusing its buffer.</summary>
    public static void CopyVector(ReadOnlySpan<float> source, ref VBuffer<float> value)
    {
        VBufferEditor<float> editor = VBufferEditor.Create(ref value, source.Length);
        source.CopyTo(editor.Values);
        value = editor.Commit();
    }
}
