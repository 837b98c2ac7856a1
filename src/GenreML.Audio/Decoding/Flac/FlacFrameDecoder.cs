namespace GenreML.Audio.Decoding;

/// <summary>
/// Decodes one FLAC frame (RFC 9639 §9) into per-channel integer samples: the header with its CRC-8,
/// constant, verbatim, fixed and LPC subframes with wasted bits, Rice-coded residuals (both parameter
/// widths, escape codes), the three stereo decorrelations, and the frame's CRC-16. Violations throw
/// <see cref="FlacFormatException"/>; running out of bytes throws <see cref="FlacOutOfDataException"/>.
/// </summary>
internal sealed class FlacFrameDecoder(FlacStreamInfo info)
{
    private static readonly int[] SampleRates = [0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000];
    private static readonly int[] SampleSizes = [0, 8, 12, -1, 16, 20, 24, 32];

    private readonly FlacBitReader _bits = new();
    private readonly long[] _coefficients = new long[32];
    private long[][] _channels = [];

    /// <summary>The decoded samples of the last frame, one array per channel (the first <see cref="BlockSize"/> are valid).</summary>
    public long[][] Channels => _channels;

    /// <summary>Samples per channel in the last frame.</summary>
    public int BlockSize { get; private set; }

    /// <summary>Bits per sample of the last frame.</summary>
    public int BitsPerSample { get; private set; }

    /// <summary>Decodes the frame at <paramref name="start"/> of <paramref name="buffer"/> (up to <paramref name="end"/>); returns its length in bytes.</summary>
    public int Decode(byte[] buffer, int start, int end)
    {
        _bits.Reset(buffer, start, end);
        int assignment = ReadHeader(buffer, start);
        int channelCount = assignment < 8 ? assignment + 1 : 2;
        for (int channel = 0; channel < channelCount; channel++)
        {
            int extra = (assignment == 8 && channel == 1) || (assignment == 9 && channel == 0) || (assignment == 10 && channel == 1) ? 1 : 0;
            ReadSubframe(_channels[channel], BitsPerSample + extra);
        }

        _bits.AlignToByte();
        int length = _bits.BytesConsumed;
        uint stored = _bits.ReadBits(16);
        if (FlacCrc.Crc16(buffer.AsSpan(start, length)) != stored)
        {
            throw new FlacFormatException("the frame fails its CRC-16 check (damaged data)");
        }

        Decorrelate(assignment);
        return length + 2;
    }

    private int ReadHeader(byte[] buffer, int start)
    {
        uint sync = _bits.ReadBits(15);
        if (sync != 0x7FFC)
        {
            throw new FlacFormatException("no frame sync code where a frame should start");
        }

        _bits.ReadBits(1); // blocking strategy: fixed or variable, both handled alike
        int sizeCode = (int)_bits.ReadBits(4);
        int rateCode = (int)_bits.ReadBits(4);
        int assignment = (int)_bits.ReadBits(4);
        int sizeBits = (int)_bits.ReadBits(3);
        if (_bits.ReadBits(1) != 0)
        {
            throw new FlacFormatException("the frame header's reserved bit is set");
        }

        ReadCodedNumber();
        int blockSize = sizeCode switch
        {
            0 => throw new FlacFormatException("the frame header uses the reserved block size code 0"),
            1 => 192,
            <= 5 => 576 << (sizeCode - 2),
            6 => (int)_bits.ReadBits(8) + 1,
            7 => (int)_bits.ReadBits(16) + 1,
            _ => 256 << (sizeCode - 8),
        };
        int rate = rateCode switch
        {
            0 => info.SampleRate,
            < 12 => SampleRates[rateCode],
            12 => (int)_bits.ReadBits(8) * 1000,
            13 => (int)_bits.ReadBits(16),
            14 => (int)_bits.ReadBits(16) * 10,
            _ => throw new FlacFormatException("the frame header uses the invalid sample rate code 15"),
        };
        int length = _bits.BytesConsumed;
        uint crc8 = _bits.ReadBits(8);
        if (FlacCrc.Crc8(buffer.AsSpan(start, length)) != crc8)
        {
            throw new FlacFormatException("the frame header fails its CRC-8 check (damaged data)");
        }

        if (assignment > 10)
        {
            throw new FlacFormatException($"the frame header uses the reserved channel assignment {assignment}");
        }

        int channels = assignment < 8 ? assignment + 1 : 2;
        if (channels != info.Channels)
        {
            throw new FlacFormatException($"the frame has {channels} channels, the stream {info.Channels}");
        }

        if (rate != info.SampleRate)
        {
            throw new FlacFormatException($"the frame's sample rate is {rate} Hz, the stream's {info.SampleRate} Hz");
        }

        int bits = sizeBits == 0 ? info.BitsPerSample : SampleSizes[sizeBits];
        if (bits < 0)
        {
            throw new FlacFormatException("the frame header uses the reserved sample size code 3");
        }

        if (blockSize > info.MaxBlockSize)
        {
            throw new FlacFormatException($"the frame holds {blockSize} samples per channel, more than the stream's maximum of {info.MaxBlockSize}");
        }

        BlockSize = blockSize;
        BitsPerSample = bits;
        if (_channels.Length != channels || _channels[0].Length < blockSize)
        {
            _channels = new long[channels][];
            for (int c = 0; c < channels; c++)
            {
                _channels[c] = new long[Math.Max(blockSize, info.MinBlockSize)];
            }
        }

        return assignment;
    }

    /// <summary>The frame or sample number, coded like UTF-8 in 1–7 bytes; only its well-formedness matters here.</summary>
    private void ReadCodedNumber()
    {
        uint first = _bits.ReadBits(8);
        int more = first switch
        {
            < 0x80 => 0,
            < 0xC0 => -1,
            < 0xE0 => 1,
            < 0xF0 => 2,
            < 0xF8 => 3,
            < 0xFC => 4,
            < 0xFE => 5,
            0xFE => 6,
            _ => -1,
        };
        if (more < 0)
        {
            throw new FlacFormatException($"the frame header's coded number starts with the invalid byte 0x{first:X2}");
        }

        for (int i = 0; i < more; i++)
        {
            if ((_bits.ReadBits(8) & 0xC0) != 0x80)
            {
                throw new FlacFormatException("the frame header's coded number has an invalid continuation byte");
            }
        }
    }

    private void ReadSubframe(long[] samples, int bits)
    {
        if (_bits.ReadBits(1) != 0)
        {
            throw new FlacFormatException("a subframe's padding bit is set");
        }

        int type = (int)_bits.ReadBits(6);
        int wasted = 0;
        if (_bits.ReadBits(1) != 0)
        {
            wasted = _bits.ReadUnary() + 1;
            if (wasted >= bits)
            {
                throw new FlacFormatException($"a subframe declares {wasted} wasted bits of {bits}");
            }

            bits -= wasted;
        }

        int n = BlockSize;
        switch (type)
        {
            case 0:
                Array.Fill(samples, _bits.ReadSignedLong(bits), 0, n);
                break;
            case 1:
                for (int i = 0; i < n; i++)
                {
                    samples[i] = _bits.ReadSignedLong(bits);
                }

                break;
            case >= 8 and <= 12:
                ReadFixed(samples, type - 8, bits);
                break;
            case >= 32:
                ReadLpc(samples, type - 31, bits);
                break;
            default:
                throw new FlacFormatException($"a subframe uses the reserved type {type}");
        }

        if (wasted > 0)
        {
            for (int i = 0; i < n; i++)
            {
                samples[i] <<= wasted;
            }
        }
    }

    private void ReadFixed(long[] samples, int order, int bits)
    {
        ReadWarmup(samples, order, bits);
        ReadResidual(samples, order);
        int n = BlockSize;
        switch (order)
        {
            case 1:
                for (int i = 1; i < n; i++)
                {
                    samples[i] += samples[i - 1];
                }

                break;
            case 2:
                for (int i = 2; i < n; i++)
                {
                    samples[i] += (2 * samples[i - 1]) - samples[i - 2];
                }

                break;
            case 3:
                for (int i = 3; i < n; i++)
                {
                    samples[i] += (3 * (samples[i - 1] - samples[i - 2])) + samples[i - 3];
                }

                break;
            case 4:
                for (int i = 4; i < n; i++)
                {
                    samples[i] += (4 * (samples[i - 1] + samples[i - 3])) - (6 * samples[i - 2]) - samples[i - 4];
                }

                break;
        }
    }

    private void ReadLpc(long[] samples, int order, int bits)
    {
        ReadWarmup(samples, order, bits);
        int precision = (int)_bits.ReadBits(4) + 1;
        if (precision == 16)
        {
            throw new FlacFormatException("an LPC subframe uses the invalid coefficient precision code 15");
        }

        int shift = _bits.ReadSigned(5);
        if (shift < 0)
        {
            throw new FlacFormatException($"an LPC subframe has the negative prediction shift {shift}");
        }

        for (int j = 0; j < order; j++)
        {
            _coefficients[j] = _bits.ReadSigned(precision);
        }

        ReadResidual(samples, order);
        for (int i = order; i < BlockSize; i++)
        {
            long sum = 0;
            for (int j = 0; j < order; j++)
            {
                sum += _coefficients[j] * samples[i - 1 - j];
            }

            samples[i] += sum >> shift;
        }
    }

    private void ReadWarmup(long[] samples, int order, int bits)
    {
        if (order > BlockSize)
        {
            throw new FlacFormatException($"a subframe's predictor order {order} exceeds the block size {BlockSize}");
        }

        for (int i = 0; i < order; i++)
        {
            samples[i] = _bits.ReadSignedLong(bits);
        }
    }

    /// <summary>Reads the residual into samples[order..] (added to by the predictor afterwards).</summary>
    private void ReadResidual(long[] samples, int order)
    {
        int method = (int)_bits.ReadBits(2);
        if (method > 1)
        {
            throw new FlacFormatException($"a residual uses the reserved coding method {method}");
        }

        int parameterBits = method == 0 ? 4 : 5;
        int escape = (1 << parameterBits) - 1;
        int partitionOrder = (int)_bits.ReadBits(4);
        int partitions = 1 << partitionOrder;
        int perPartition = BlockSize >> partitionOrder;
        if ((BlockSize & (partitions - 1)) != 0 || perPartition < order)
        {
            throw new FlacFormatException($"a residual's partition order {partitionOrder} does not fit a block of {BlockSize} samples with predictor order {order}");
        }

        int at = order;
        for (int p = 0; p < partitions; p++)
        {
            int count = p == 0 ? perPartition - order : perPartition;
            int parameter = (int)_bits.ReadBits(parameterBits);
            if (parameter == escape)
            {
                int raw = (int)_bits.ReadBits(5);
                for (int i = 0; i < count; i++)
                {
                    samples[at++] = _bits.ReadSigned(raw);
                }

                continue;
            }

            for (int i = 0; i < count; i++)
            {
                samples[at++] = _bits.ReadRice(parameter);
            }
        }
    }

    private void Decorrelate(int assignment)
    {
        if (assignment < 8)
        {
            return;
        }

        long[] a = _channels[0], b = _channels[1];
        int n = BlockSize;
        switch (assignment)
        {
            case 8: // left, side
                for (int i = 0; i < n; i++)
                {
                    b[i] = a[i] - b[i];
                }

                break;
            case 9: // side, right
                for (int i = 0; i < n; i++)
                {
                    a[i] += b[i];
                }

                break;
            default: // mid, side
                for (int i = 0; i < n; i++)
                {
                    long mid = (a[i] << 1) | (b[i] & 1);
                    long side = b[i];
                    a[i] = (mid + side) >> 1;
                    b[i] = (mid - side) >> 1;
                }

                break;
        }
    }
}
