using GenreML.Audio.Features;
using GenreML.Inference.Answers;
using GenreML.Inference.Cards;
using GenreML.Inference.Results;
using GenreML.Inference.Running;
using GenreML.MLNet.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GenreML.MLNet.Scoring;

/// <summary>
/// The scored clips of a view of audio paths, one row per input row, in order (<see cref="ClipScoreSchema"/>). Its cursor
/// keeps up to <see cref="GenreScoringOptions.Threads"/> clips featurising ahead and sends their windows to the one ONNX
/// Runtime session in batches of <see cref="GenreScoringOptions.WindowBatchSize"/> that span clips
/// (<see cref="ClipBatchScorer"/>). A clip's Score is the mean of its window probabilities (summed in double, in window
/// order: deterministic) calibrated by <see cref="ClipVerdict"/> with the card's temperature, its Status is the verdict's,
/// and its PredictedLabel the highest-scoring genre (the first on a tie). A clip that cannot be read keeps its Error,
/// with a NaN Score, an empty Status and a missing PredictedLabel.
/// </summary>
internal sealed class ClipScoreView : IDataView
{
    private readonly IDataView _input;
    private readonly ModelCard _card;
    private readonly ClipFeaturizer _featurizer;
    private readonly WindowRunner _runner;
    private readonly GenreScoringOptions _options;
    private readonly int _pathColumn;
    private readonly int _labelColumn;
    private readonly Dictionary<string, uint> _keys;

    public ClipScoreView(IDataView input, ModelCard card, ClipFeaturizer featurizer, WindowRunner runner, GenreScoringOptions options)
    {
        _input = input;
        _card = card;
        _featurizer = featurizer;
        _runner = runner;
        _options = options;
        (_pathColumn, _labelColumn) = InputColumns.Find(input.Schema, options);
        _keys = card.Labels.Select((label, i) => (label, key: (uint)(i + 1))).ToDictionary(p => p.label, p => p.key, StringComparer.Ordinal);
        Schema = ClipScoreSchema.Build(card, _labelColumn >= 0, options.IncludeWindows);
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    /// <summary>The path and label of every input row, read by one cursor over the columns it needs.</summary>
    private IEnumerable<(string Path, string? Label)> Inputs()
    {
        DataViewSchema schema = _input.Schema;
        var needed = new List<DataViewSchema.Column> { schema[_pathColumn] };
        if (_labelColumn >= 0)
        {
            needed.Add(schema[_labelColumn]);
        }

        using DataViewRowCursor cursor = _input.GetRowCursor(needed);
        ValueGetter<ReadOnlyMemory<char>> path = cursor.GetGetter<ReadOnlyMemory<char>>(schema[_pathColumn]);
        ValueGetter<ReadOnlyMemory<char>>? label = _labelColumn >= 0 ? cursor.GetGetter<ReadOnlyMemory<char>>(schema[_labelColumn]) : null;
        ReadOnlyMemory<char> text = default;
        while (cursor.MoveNext())
        {
            path(ref text);
            string pathText = text.ToString();
            string? labelText = null;
            if (label is not null)
            {
                label(ref text);
                labelText = text.ToString();
            }

            yield return (pathText, labelText);
        }
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly ClipScoreView _view;
        private readonly ClipBatchScorer _scorer;
        private readonly float[] _score;
        private long _position = -1;
        private InFlightClip? _clip;
        private string _currentPath = "";
        private uint _currentLabel;
        private uint _predicted;
        private string _status = "";

        public Cursor(ClipScoreView view)
        {
            _view = view;
            _scorer = new ClipBatchScorer(
                view.Inputs().GetEnumerator(), view._featurizer, view._card, view._runner, view._options.Threads, view._options.WindowBatchSize);
            _score = new float[view._card.Labels.Count];
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            _clip?.Dispose();
            _clip = _scorer.Next();
            if (_clip is null)
            {
                return false;
            }

            _currentPath = _clip.Clip.Path;
            _currentLabel = ReadLabel(_clip.Clip.Label);
            ClipVerdict? verdict = _clip.Verdict(_view._card, _view._options.MinConfidence);
            if (verdict is null)
            {
                Array.Fill(_score, float.NaN);
                _predicted = 0;
                _status = "";
            }
            else
            {
                verdict.Probabilities.CopyTo(_score, 0);
                _status = verdict.Status;
                _predicted = (uint)(ClipAggregation.ArgMax(_score) + 1);
            }

            _position++;
            return true;
        }

        private uint ReadLabel(string? label)
        {
            if (string.IsNullOrEmpty(label))
            {
                return 0;
            }

            return _view._keys.TryGetValue(label, out uint key)
                ? key
                : throw new InvalidDataException(
                    $"'{_currentPath}': label '{label}' is not one of the model's labels ({string.Join(", ", _view._card.Labels)}).");
        }

        private InFlightClip Current => _clip ?? throw new InvalidOperationException("The cursor is not on a row; call MoveNext first.");

        private string CurrentError => Current.Clip.Error;

        public override bool IsColumnActive(DataViewSchema.Column column) => column.Index < Schema.Count;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = Schema[column.Index].Name switch
            {
                AudioColumns.Path => Getters.Checked<TValue, ReadOnlyMemory<char>>(Schema, column, (ref ReadOnlyMemory<char> v) => v = _currentPath.AsMemory()),
                AudioColumns.Label => Getters.Checked<TValue, uint>(Schema, column, (ref uint v) => v = _currentLabel),
                AudioColumns.Score => Getters.Checked<TValue, VBuffer<float>>(Schema, column, (ref VBuffer<float> v) => Getters.CopyVector(_score, ref v)),
                AudioColumns.PredictedLabel => Getters.Checked<TValue, uint>(Schema, column, (ref uint v) => v = _predicted),
                AudioColumns.Status => Getters.Checked<TValue, ReadOnlyMemory<char>>(Schema, column, (ref ReadOnlyMemory<char> v) => v = _status.AsMemory()),
                AudioColumns.Duration => Getters.Checked<TValue, double>(Schema, column, (ref double v) => v = Current.Clip.DurationSeconds),
                AudioColumns.Windows => Getters.Checked<TValue, int>(Schema, column, (ref int v) => v = Current.Windows),
                AudioColumns.WindowScores => Getters.Checked<TValue, VBuffer<float>>(Schema, column, WindowScoresGetter),
                _ => Getters.Checked<TValue, ReadOnlyMemory<char>>(Schema, column, (ref ReadOnlyMemory<char> v) => v = CurrentError.AsMemory()),
            };
            return (ValueGetter<TValue>)getter;
        }

        private void WindowScoresGetter(ref VBuffer<float> value)
        {
            float[] all = CurrentError.Length > 0 ? [] : [.. Current.Probabilities.SelectMany(row => row)];
            Getters.CopyVector(all, ref value);
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => Getters.RowId(() => _position);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _clip?.Dispose();
                _clip = null;
                _scorer.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
