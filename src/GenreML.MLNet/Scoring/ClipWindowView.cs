using GenreML.Inference.Cards;
using GenreML.Audio.Features;
using GenreML.Inference.Answers;
using GenreML.MLNet.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GenreML.MLNet.Scoring;

/// <summary>
/// Expands a view of audio paths into one row per model window: ClipIndex, Path, Label (text, when the
/// input has one), Duration, Error and the window itself as a float vector of mel bands × window frames
/// named after the model's input, and the clip's evidence for its status (<see cref="AudioColumns.Evidence"/>). A clip that cannot be read gives a single row with Error set.
/// Clips are featurised lazily by each cursor, up to <see cref="GenreScoringOptions.Threads"/> at a time, in order
/// (pass 1 of a long clip; its windows are cut as the rows are read, see <see cref="ClipWindows"/>). A clip that fails
/// on its second pass gets one more row with Error set after the windows read before the failure; the evidence of a
/// clip is complete on its last row.
/// </summary>
internal sealed class ClipWindowView : IDataView
{
    private readonly IDataView _input;
    private readonly ModelCard _card;
    private readonly ClipFeaturizer _featurizer;
    private readonly int _threads;
    private readonly int _pathColumn;
    private readonly int _labelColumn;
    private readonly float[] _emptyWindow;

    public ClipWindowView(IDataView input, ModelCard card, ClipFeaturizer featurizer, GenreScoringOptions options)
    {
        _input = input;
        _card = card;
        _featurizer = featurizer;
        _threads = options.Threads;
        (_pathColumn, _labelColumn) = InputColumns.Find(input.Schema, options);
        _emptyWindow = new float[card.Features.MelBands * card.WindowFrames];
        Schema = BuildSchema(card, _labelColumn >= 0);
    }

    public bool HasLabel => _labelColumn >= 0;

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private static DataViewSchema BuildSchema(ModelCard card, bool labelled)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(AudioColumns.ClipIndex, NumberDataViewType.Int64);
        builder.AddColumn(AudioColumns.Path, TextDataViewType.Instance);
        if (labelled)
        {
            builder.AddColumn(AudioColumns.Label, TextDataViewType.Instance);
        }

        builder.AddColumn(AudioColumns.Duration, NumberDataViewType.Double);
        builder.AddColumn(AudioColumns.Error, TextDataViewType.Instance);
        builder.AddColumn(AudioColumns.Evidence, new VectorDataViewType(NumberDataViewType.Single, ClipEvidence.VectorLength));
        builder.AddColumn(card.InputName, new VectorDataViewType(NumberDataViewType.Single, card.Features.MelBands * card.WindowFrames));
        return builder.ToSchema();
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly ClipWindowView _view;
        private readonly DataViewRowCursor _source;
        private readonly ValueGetter<ReadOnlyMemory<char>> _path;
        private readonly ValueGetter<ReadOnlyMemory<char>>? _label;
        private readonly Queue<Task<ClipWindows>> _ahead = new();
        private ClipWindows? _clip;
        private IEnumerator<float[]>? _rows;
        private long _position = -1;
        private long _nextIndex;
        private bool _sourceDone;

        public Cursor(ClipWindowView view)
        {
            _view = view;
            DataViewSchema schema = view._input.Schema;
            var needed = new List<DataViewSchema.Column> { schema[view._pathColumn] };
            if (view._labelColumn >= 0)
            {
                needed.Add(schema[view._labelColumn]);
            }

            _source = view._input.GetRowCursor(needed);
            _path = _source.GetGetter<ReadOnlyMemory<char>>(schema[view._pathColumn]);
            _label = view._labelColumn >= 0 ? _source.GetGetter<ReadOnlyMemory<char>>(schema[view._labelColumn]) : null;
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            while (true)
            {
                if (_rows is not null && _rows.MoveNext())
                {
                    _position++;
                    return true;
                }

                CloseClip();
                Fill();
                if (_ahead.Count == 0)
                {
                    return false;
                }

                _clip = _ahead.Dequeue().GetAwaiter().GetResult();
                _rows = Rows(_clip, _view._emptyWindow).GetEnumerator();
                Fill();
            }
        }

        /// <summary>The window rows of a clip: one empty row for a clip that failed, one more after the windows when the second pass failed.</summary>
        private static IEnumerable<float[]> Rows(ClipWindows clip, float[] empty)
        {
            if (clip.WindowCount == 0)
            {
                yield return empty;
                yield break;
            }

            foreach (float[] window in clip.Windows())
            {
                yield return window;
            }

            if (clip.Error.Length > 0)
            {
                yield return empty;
            }
        }

        private void CloseClip()
        {
            _rows?.Dispose();
            _rows = null;
            _clip?.Dispose();
            _clip = null;
        }

        private void Fill()
        {
            int lookahead = Math.Max(1, _view._threads);
            while (!_sourceDone && _ahead.Count < lookahead)
            {
                if (!_source.MoveNext())
                {
                    _sourceDone = true;
                    break;
                }

                ReadOnlyMemory<char> path = default, label = default;
                _path(ref path);
                _label?.Invoke(ref label);
                string pathText = path.ToString();
                string? labelText = _label is null ? null : label.ToString();
                long index = _nextIndex++;
                ClipWindowView view = _view;
                Func<ClipWindows> work = () => ClipWindows.Compute(
                    view._featurizer, view._card.WindowFrames, view._card.WindowHop, index, pathText, labelText);
                _ahead.Enqueue(view._threads <= 1 ? Task.FromResult(work()) : Task.Run(work));
            }
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => column.Index < Schema.Count;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            string name = Schema[column.Index].Name;
            Delegate getter = name switch
            {
                AudioColumns.ClipIndex => Getters.Checked<TValue, long>(Schema, column, (ref long v) => v = Current.Index),
                AudioColumns.Path => Getters.Checked<TValue, ReadOnlyMemory<char>>(Schema, column, (ref ReadOnlyMemory<char> v) => v = Current.Path.AsMemory()),
                AudioColumns.Label =>
                    Getters.Checked<TValue, ReadOnlyMemory<char>>(Schema, column, (ref ReadOnlyMemory<char> v) => v = (Current.Label ?? "").AsMemory()),
                AudioColumns.Duration => Getters.Checked<TValue, double>(Schema, column, (ref double v) => v = Current.DurationSeconds),
                AudioColumns.Error => Getters.Checked<TValue, ReadOnlyMemory<char>>(Schema, column, (ref ReadOnlyMemory<char> v) => v = Current.Error.AsMemory()),
                AudioColumns.Evidence => Getters.Checked<TValue, VBuffer<float>>(Schema, column, (ref VBuffer<float> v) => Getters.CopyVector(Current.Evidence, ref v)),
                _ => Getters.Checked<TValue, VBuffer<float>>(Schema, column, WindowGetter),
            };
            return (ValueGetter<TValue>)getter;
        }

        private ClipWindows Current => _clip ?? throw new InvalidOperationException("The cursor is not on a row; call MoveNext first.");

        private void WindowGetter(ref VBuffer<float> value)
        {
            _ = Current;
            Getters.CopyVector(_rows!.Current, ref value);
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => Getters.RowId(() => _position);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                CloseClip();
                foreach (Task<ClipWindows> pending in _ahead)
                {
                    pending.Wait();
                }

                _ahead.Clear();
                _source.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
