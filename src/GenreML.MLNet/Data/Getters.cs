using Microsoft.ML;
using Microsoft.ML.Data;

namespace GenreML.MLNet.Data;

/// <summary>Checks shared by the row cursors of this library.</summary>
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
}
