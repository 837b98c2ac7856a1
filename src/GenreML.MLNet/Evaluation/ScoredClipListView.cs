using GenreML.MLNet.Data;
using GenreML.MLNet.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GenreML.MLNet.Evaluation;

/// <summary>An in-memory view of scored clips with a scored-clip schema (<see cref="Scoring.ClipScoreSchema"/>), for the evaluator.</summary>
internal sealed class ScoredClipListView : IDataView
{
    private readonly IReadOnlyList<ScoredClip> _rows;

    public ScoredClipListView(DataViewSchema schema, IReadOnlyList<ScoredClip> rows)
    {
        Schema = schema;
        _rows = rows;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows.Count;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly ScoredClipListView _view;
        private long _position = -1;

        public Cursor(ScoredClipListView view) => _view = view;

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        private ScoredClip Row => _view._rows[(int)_position];

        public override bool MoveNext() => ++_position < _view._rows.Count;

        public override bool IsColumnActive(DataViewSchema.Column column) => column.Index < Schema.Count;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = Schema[column.Index].Name switch
            {
                AudioColumns.Path => Getters.Checked<TValue, ReadOnlyMemory<char>>(Schema, column, (ref ReadOnlyMemory<char> v) => v = Row.Path.AsMemory()),
                AudioColumns.Label => Getters.Checked<TValue, uint>(Schema, column, (ref uint v) => v = Row.Label),
                AudioColumns.Score => Getters.Checked<TValue, VBuffer<float>>(Schema, column, (ref VBuffer<float> v) => Getters.CopyVector(Row.Score, ref v)),
                AudioColumns.PredictedLabel => Getters.Checked<TValue, uint>(Schema, column, (ref uint v) => v = Row.PredictedLabel),
                AudioColumns.Status => Getters.Checked<TValue, ReadOnlyMemory<char>>(Schema, column, (ref ReadOnlyMemory<char> v) => v = Row.Status.AsMemory()),
                AudioColumns.Duration => Getters.Checked<TValue, double>(Schema, column, (ref double v) => v = Row.DurationSeconds),
                AudioColumns.Windows => Getters.Checked<TValue, int>(Schema, column, (ref int v) => v = Row.Windows),
                AudioColumns.Error => Getters.Checked<TValue, ReadOnlyMemory<char>>(Schema, column, (ref ReadOnlyMemory<char> v) => v = Row.Error.AsMemory()),
                string other => throw new ArgumentOutOfRangeException(nameof(column), $"Column '{other}' is not a scored-clip column."),
            };
            return (ValueGetter<TValue>)getter;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => Getters.RowId(() => _position);
    }
}
