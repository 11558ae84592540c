using System.Buffers;
using System.IO.Pipelines;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// A <see cref="PipeReader"/> in front of MQTTnet that follows the MQTT packet boundaries in the bytes as they
/// arrive and ends the stream as soon as a fixed header announces a remaining length over the limit, before the
/// body is buffered (see <see cref="PacketSizeLimit"/> for why). Each byte is looked at once: the bytes a read
/// returns that an earlier read already returned (MQTTnet examines a partial packet and waits for more) are
/// skipped. To MQTTnet an oversize packet looks like a closed connection: the whole packets before it are read as
/// usual, then an empty, completed read.
/// </summary>
internal sealed class PacketSizeLimitReader(PipeReader inner, int maxRemainingLength, Action onOversize) : PipeReader
{
    private ReadOnlySequence<byte> _last;
    private long _start; // the stream offset of _last's first byte
    private long _scanned; // how many bytes of _last (from its start) the scanner has seen
    private long? _oversizeAt; // the stream offset of the oversize packet's first byte
    private PacketBoundaries _boundaries = new(maxRemainingLength);
    private bool _closed;

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_closed) return Closed;
        return Inspect(await inner.ReadAsync(cancellationToken).ConfigureAwait(false));
    }

    public override bool TryRead(out ReadResult result)
    {
        if (_closed) { result = Closed; return true; }
        if (!inner.TryRead(out result)) return false;
        result = Inspect(result);
        return true;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        // After closing, the reader handed out an empty sequence of its own, not one of the inner reader's.
        if (_closed) return;
        var length = _last.Slice(0, consumed).Length;
        _start += length;
        _scanned -= length;
        inner.AdvanceTo(consumed, examined);
    }

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    private static ReadResult Closed => new(ReadOnlySequence<byte>.Empty, isCanceled: false, isCompleted: true);

    private ReadResult Inspect(ReadResult result)
    {
        _last = result.Buffer;
        if (_oversizeAt is null)
        {
            foreach (var segment in _last.Slice(_scanned))
            {
                if (_boundaries.Accept(segment.Span)) continue;
                _oversizeAt = _boundaries.PacketStart;
                break;
            }
            _scanned = _last.Length;
        }
        if (_oversizeAt is not { } at) return result;
        // The whole packets that came before it are still handed out (up to the oversize header, not into it).
        var before = at - _start;
        if (before > 0) return new ReadResult(_last.Slice(0, before), result.IsCanceled, isCompleted: false);
        _closed = true;
        // Nothing more is consumed: the connection is about to close, and its buffers go with it.
        inner.AdvanceTo(_last.Start, _last.End);
        onOversize();
        return Closed;
    }

    /// <summary>MQTT framing: a type byte, one to four remaining-length bytes, then that many body bytes.</summary>
    private struct PacketBoundaries(int maxRemainingLength)
    {
        private int _state; // 0: type byte next; 1: in the remaining length; 2: in the body; 3: lost (malformed)
        private long _fed;
        private long _length;
        private long _multiplier;
        private long _bodyLeft;

        /// <summary>The stream offset of the current packet's first byte.</summary>
        public long PacketStart { get; private set; }

        /// <summary>Follows the next bytes of the stream; false at a remaining length over the limit.</summary>
        public bool Accept(ReadOnlySpan<byte> bytes)
        {
            var i = 0;
            while (i < bytes.Length)
            {
                switch (_state)
                {
                    case 0:
                        PacketStart = _fed + i++;
                        (_state, _length, _multiplier) = (1, 0, 1);
                        break;
                    case 1:
                        var b = bytes[i++];
                        _length += (b & 0x7F) * _multiplier;
                        // Checked byte by byte, so even a length whose continuation never comes is refused early.
                        if (_length > maxRemainingLength) return false;
                        _multiplier *= 128;
                        if ((b & 0x80) != 0)
                        {
                            // A fifth length byte is malformed: MQTTnet refuses it itself; stop following.
                            if (_multiplier >= 128L * 128 * 128 * 128) _state = 3;
                            break;
                        }
                        _bodyLeft = _length;
                        _state = _bodyLeft == 0 ? 0 : 2;
                        break;
                    case 3:
                        return true;
                    default:
                        var take = (int)Math.Min(_bodyLeft, bytes.Length - i);
                        i += take;
                        _bodyLeft -= take;
                        if (_bodyLeft == 0) _state = 0;
                        break;
                }
            }
            _fed += bytes.Length;
            return true;
        }
    }
}
