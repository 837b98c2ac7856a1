using GenreML.Inference.Answers;
using GenreML.Inference.Cards;
using GenreML.Inference.Results;
using GenreML.MLNet.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GenreML.MLNet.Scoring;

/// <summary>
/// Folds the scored windows of each clip (consecutive rows with one ClipIndex) into one clip row whose
/// Score is the mean of the window probabilities (summed in double, in window order: deterministic) calibrated
/// by <see cref="ClipVerdict"/> with the card's temperature, whose Status is the verdict's, and whose
/// PredictedLabel is the highest-scoring genre (the first on a tie). The evidence is the clip's last row's (a long
/// clip's is complete only there). A clip with a row that has an Error keeps it,
/// with a NaN Score, an empty Status and a missing PredictedLabel; the model is not run for them.
/// </summary>
internal sealed class ClipScoreView : IDataView
{
    private readonly IDataView _windows;
    private readonly ModelCard _card;
    private readonly bool _labelled;
    private readonly Dictionary<string, uint> _keys;
    private readonly double? _minConfidence;

    public ClipScoreView(IDataView scoredWindows, ModelCard card, bool labelled, double? minConfidence, bool windowScores)
    {
        _minConfidence = minConfidence;
        _windows = scoredWindows;
        _card = card;
        _labelled = labelled;
        _keys = card.Labels.Select((label, i) => (label, key: (uint)(i + 1))).ToDictionary(p => p.label, p => p.key, StringComparer.Ordinal);
        Schema = ClipScoreSchema.Build(card, labelled, windowScores);
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly ClipScoreView _view;
        private readonly DataViewRowCursor _input;
        private readonly ValueGetter<long> _clipIndex;
        private readonly ValueGetter<ReadOnlyMemory<char>> _path;
        private readonly ValueGetter<ReadOnlyMemory<char>>? _label;
        private readonly ValueGetter<double> _duration;
        private readonly ValueGetter<ReadOnlyMemory<char>> _error;
        private readonly ValueGetter<VBuffer<float>> _probabilities;
        private readonly ValueGetter<VBuffer<float>> _evidence;
        private readonly List<float[]> _rows = [];
        private VBuffer<float> _evidenceValues;
        private string _status = "";
        private readonly WindowMean _mean;
        private readonly float[] _score;
        private readonly float[] _window;
        private VBuffer<float> _windowProbabilities;
        private bool _pending;
        private long _position = -1;
        private string _currentPath = "";
        private uint _currentLabel;
        private uint _predicted;
        private double _currentDuration;
        private string _currentError = "";

        public Cursor(ClipScoreView view)
        {
            _view = view;
            DataViewSchema schema = view._windows.Schema;
            DataViewSchema.Column probabilities = schema[view._card.ProbabilitiesOutput];
            // Everything but the window itself: ML.NET's splitter and consolidator pool the values of every column
            // they carry, and 64-KB windows pooled by the thousand were most of a long file's memory.
            _input = view._windows.GetRowCursor(schema.Where(c => c.Name != view._card.InputName));
            _clipIndex = _input.GetGetter<long>(schema[AudioColumns.ClipIndex]);
            _path = _input.GetGetter<ReadOnlyMemory<char>>(schema[AudioColumns.Path]);
            _label = view._labelled ? _input.GetGetter<ReadOnlyMemory<char>>(schema[AudioColumns.Label]) : null;
            _duration = _input.GetGetter<double>(schema[AudioColumns.Duration]);
            _error = _input.GetGetter<ReadOnlyMemory<char>>(schema[AudioColumns.Error]);
            _probabilities = _input.GetGetter<VBuffer<float>>(probabilities);
            _evidence = _input.GetGetter<VBuffer<float>>(schema[AudioColumns.Evidence]);
            _mean = new WindowMean(view._card.Labels.Count);
            _score = new float[_mean.Classes];
            _window = new float[_mean.Classes];
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (!_pending && !_input.MoveNext())
            {
                return false;
            }

            long clip = 0;
            _clipIndex(ref clip);
            ReadOnlyMemory<char> text = default;
            _path(ref text);
            _currentPath = text.ToString();
            _currentLabel = ReadLabel();
            _duration(ref _currentDuration);
            _currentError = "";
            _mean.Clear();
            _rows.Clear();
            while (true)
            {
                // A long clip's evidence is complete on its last row, and a failure on its second pass comes as a
                // last row with an Error: both are read on every row, the last one counts.
                _error(ref text);
                if (!text.IsEmpty)
                {
                    _currentError = text.ToString();
                }
                else if (_currentError.Length == 0)
                {
                    Accumulate();
                }

                _evidence(ref _evidenceValues);
                if (!_input.MoveNext())
                {
                    _pending = false;
                    break;
                }

                long next = 0;
                _clipIndex(ref next);
                if (next != clip)
                {
                    _pending = true;
                    break;
                }
            }

            Finish();
            _position++;
            return true;
        }

        private uint ReadLabel()
        {
            if (_label is null)
            {
                return 0;
            }

            ReadOnlyMemory<char> text = default;
            _label(ref text);
            if (text.IsEmpty)
            {
                return 0;
            }

            string label = text.ToString();
            return _view._keys.TryGetValue(label, out uint key)
                ? key
                : throw new InvalidDataException(
                    $"'{_currentPath}': label '{label}' is not one of the model's labels ({string.Join(", ", _view._card.Labels)}).");
        }

        private void Accumulate()
        {
            _probabilities(ref _windowProbabilities);
            if (_windowProbabilities.Length != _mean.Classes)
            {
                throw new InvalidOperationException(
                    $"The model gave {_windowProbabilities.Length} probabilities for a window of '{_currentPath}', the card has {_mean.Classes} labels.");
            }

            _windowProbabilities.CopyTo(_window);
            _mean.Add(_window);
            _rows.Add((float[])_window.Clone());
        }

        private void Finish()
        {
            if (_currentError.Length > 0 || _mean.Windows == 0)
            {
                Array.Fill(_score, float.NaN);
                _predicted = 0;
                _status = "";
                return;
            }

            _mean.CopyTo(_score);
            var evidence = ClipEvidence.FromVector(_evidenceValues.DenseValues().ToArray());
            ClipVerdict verdict = ClipVerdict.Decide(_view._card, evidence, _score, _rows, _view._minConfidence);
            verdict.Probabilities.CopyTo(_score, 0);
            _status = verdict.Status;
            _predicted = (uint)(ClipAggregation.ArgMax(_score) + 1);
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => column.Index < Schema.Count;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = Schema[column.Index].Name switch
            {
                AudioColumns.Path => Getters.Checked<TValue, ReadOnlyMemory<char>>(Schema, column, (ref ReadOnlyMemory<char> v) => v = _currentPath.AsMemory()),
                AudioColumns.Label => Getters.Checked<TValue, uint>(Schema, column, (ref uint v) => v = _currentLabel),
                AudioColumns.Score => Getters.Checked<TValue, VBuffer<float>>(Schema, column, ScoreGetter),
                AudioColumns.PredictedLabel => Getters.Checked<TValue, uint>(Schema, column, (ref uint v) => v = _predicted),
                AudioColumns.Status => Getters.Checked<TValue, ReadOnlyMemory<char>>(Schema, column, (ref ReadOnlyMemory<char> v) => v = _status.AsMemory()),
                AudioColumns.Duration => Getters.Checked<TValue, double>(Schema, column, (ref double v) => v = _currentDuration),
                AudioColumns.Windows => Getters.Checked<TValue, int>(Schema, column, (ref int v) => v = _mean.Windows),
                AudioColumns.WindowScores => Getters.Checked<TValue, VBuffer<float>>(Schema, column, WindowScoresGetter),
                _ => Getters.Checked<TValue, ReadOnlyMemory<char>>(Schema, column, (ref ReadOnlyMemory<char> v) => v = _currentError.AsMemory()),
            };
            return (ValueGetter<TValue>)getter;
        }

        private void ScoreGetter(ref VBuffer<float> value)
        {
            Getters.CopyVector(_score, ref value);
        }

        private void WindowScoresGetter(ref VBuffer<float> value)
        {
            float[] all = _currentError.Length > 0 ? [] : [.. _rows.SelectMany(row => row)];
            Getters.CopyVector(all, ref value);
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => Getters.RowId(() => _position);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _input.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
