using Microsoft.ML;
using Microsoft.ML.Data;

namespace GenreML.MLNet.Data;

/// <summary>
/// An <see cref="IDataView"/> of audio files: a text <see cref="AudioColumns.Path"/> column and, for labelled
/// sources, a text <see cref="AudioColumns.Label"/> column. Rows are produced lazily by each cursor from a
/// fresh enumeration of the files, so memory does not grow with their number; nothing is decoded here.
/// </summary>
public sealed class AudioSourceView : IDataView
{
    private readonly Func<IEnumerable<AudioClipEntry>> _entries;

    internal AudioSourceView(Func<IEnumerable<AudioClipEntry>> entries, bool labelled, string description)
    {
        _entries = entries;
        IsLabelled = labelled;
        Description = description;
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(AudioColumns.Path, TextDataViewType.Instance);
        if (labelled)
        {
            builder.AddColumn(AudioColumns.Label, TextDataViewType.Instance);
        }

        Schema = builder.ToSchema();
    }

    /// <summary>True when the source has a Label column.</summary>
    public bool IsLabelled { get; }

    /// <summary>What the rows come from (a folder, a manifest, a file list), for messages.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public bool CanShuffle => false;

    /// <inheritdoc />
    public DataViewSchema Schema { get; }

    /// <summary>Unknown without walking the files: null.</summary>
    public long? GetRowCount() => null;

    /// <summary>The files in source order (the same sequence the cursors read).</summary>
    public IEnumerable<AudioClipEntry> Entries() => _entries();

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, _entries().GetEnumerator());

    /// <inheritdoc />
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly AudioSourceView _view;
        private readonly IEnumerator<AudioClipEntry> _rows;
        private AudioClipEntry _current;
        private long _position = -1;

        public Cursor(AudioSourceView view, IEnumerator<AudioClipEntry> rows)
        {
            _view = view;
            _rows = rows;
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (!_rows.MoveNext())
            {
                return false;
            }

            _current = _rows.Current;
            _position++;
            return true;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => column.Index < Schema.Count;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Getters.CheckType<TValue, ReadOnlyMemory<char>>(Schema, column);
            ValueGetter<ReadOnlyMemory<char>> getter = column.Index == 0
                ? (ref ReadOnlyMemory<char> value) => value = _current.Path.AsMemory()
                : (ref ReadOnlyMemory<char> value) => value = (_current.Label ?? "").AsMemory();
            return (ValueGetter<TValue>)(Delegate)getter;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => Getters.RowId(() => _position);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _rows.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
