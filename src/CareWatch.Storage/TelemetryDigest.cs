using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using CareWatch.Protocol;

namespace CareWatch.Storage;

/// <summary>
/// The part of a device message that a resend repeats exactly: its minutes and events, as a 128-bit digest.
/// With (device, seq) it is the de-duplication key of <c>device_messages</c> (docs/telemetry.md, "De-duplication").
/// <para>
/// Why: a watch whose sequence number restarts (reset, firmware update) reuses seqs that are already stored,
/// but its new messages carry other minutes and events, so their digest differs and they are stored. A real
/// resend (MQTT DUP, a buffer resent after a lost PUBACK) carries the same minutes and events and is
/// recognised. Left out on purpose: <c>sent</c>, which a watch re-stamps at every resend, and battery and
/// charging, a snapshot of the device that firmware may re-read when it resends. Two messages with the same
/// minutes and events carry the same data, so taking them for one loses at most a battery reading.
/// </para>
/// <para>
/// Take it from the batch as the watch sent it, before <see cref="ClockCorrection"/>: the correction of a
/// resend may differ by a minute (transit time can move the measured error across a rounding boundary).
/// </para>
/// </summary>
/// <param name="High">First 8 bytes of the SHA-256 of the content (big-endian).</param>
/// <param name="Low">Next 8 bytes.</param>
public readonly record struct TelemetryDigest(ulong High, ulong Low)
{
    /// <summary>Bytes as stored in <c>device_messages.digest</c>.</summary>
    public const int Length = 16;

    // Hashed first, so that a future layout can never produce the digest of this one.
    private const byte Layout = 1;
    private const int MinuteBytes = 8 + 4 + 4 + 1;
    private const int EventBytes = 8 + 1;

    /// <summary>The digest of a batch's minutes and events (times as UTC ticks, in message order).</summary>
    public static TelemetryDigest Of(TelemetryBatch batch)
    {
        var size = 1 + 4 + batch.Minutes.Count * MinuteBytes + 4 + batch.Events.Count * EventBytes;
        var rented = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var content = rented.AsSpan(0, size);
            content[0] = Layout;
            var at = 1;
            BinaryPrimitives.WriteInt32LittleEndian(content[at..], batch.Minutes.Count);
            at += 4;
            foreach (var m in batch.Minutes)
            {
                BinaryPrimitives.WriteInt64LittleEndian(content[at..], m.Start.Ticks);
                BinaryPrimitives.WriteInt32LittleEndian(content[(at + 8)..], m.Movement);
                BinaryPrimitives.WriteInt32LittleEndian(content[(at + 12)..], m.Steps);
                content[at + 16] = m.Worn ? (byte)1 : (byte)0;
                at += MinuteBytes;
            }
            BinaryPrimitives.WriteInt32LittleEndian(content[at..], batch.Events.Count);
            at += 4;
            foreach (var e in batch.Events)
            {
                BinaryPrimitives.WriteInt64LittleEndian(content[at..], e.At.Ticks);
                content[at + 8] = (byte)e.Kind;
                at += EventBytes;
            }
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(content, hash);
            return FromBytes(hash[..Length]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Reads a stored digest (exactly <see cref="Length"/> bytes).</summary>
    public static TelemetryDigest FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length) throw new ArgumentException($"A digest is {Length} bytes.", nameof(bytes));
        return new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
    }

    /// <summary>The digest as stored.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, High);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(8), Low);
        return bytes;
    }
}
