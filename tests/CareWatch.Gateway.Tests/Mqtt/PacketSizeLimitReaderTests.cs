using System.Buffers;
using System.IO.Pipelines;
using CareWatch.Gateway.Mqtt;
using CareWatch.Gateway.Tests.Support;

namespace CareWatch.Gateway.Tests.Mqtt;

/// <summary>The packet boundaries followed byte by byte, however the bytes arrive, read as MQTTnet reads them.</summary>
public sealed class PacketSizeLimitReaderTests
{
    private const int Max = 300;

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task Read_PacketsUpToTheLimitThenOneOver_ClosedExactlyAtTheOversizeLength(int chunk)
    {
        byte[] atLimit = [0x32, .. RawMqtt.RemainingLength(Max), .. new byte[Max]];
        byte[] empty = [0xC0, 0x00]; // PINGREQ
        byte[] small = [0x30, .. RawMqtt.RemainingLength(5), 1, 2, 3, 4, 5];
        byte[] overHeader = [0x32, .. RawMqtt.RemainingLength(Max + 1)];
        byte[] stream = [.. atLimit, .. empty, .. small, .. overHeader, .. new byte[100]];
        var pipe = new Pipe();
        var oversize = 0;
        var reader = new PacketSizeLimitReader(pipe.Reader, Max, () => oversize++);

        var packets = ReadPacketsAsync(reader);
        for (var i = 0; i < stream.Length && !packets.IsCompleted; i += chunk)
        {
            await pipe.Writer.WriteAsync(stream.AsMemory(i, Math.Min(chunk, stream.Length - i)));
        }
        pipe.Writer.Complete();

        Assert.Equal([atLimit.Length, empty.Length, small.Length], await packets);
        Assert.Equal(1, oversize);
    }

    // As MQTTnet does: consume whole packets only, examine everything, stop at an empty completed read.
    private static async Task<List<int>> ReadPacketsAsync(PipeReader reader)
    {
        var lengths = new List<int>();
        while (true)
        {
            var result = await reader.ReadAsync();
            var buffer = result.Buffer;
            if (buffer.IsEmpty && result.IsCompleted) return lengths;
            var consumed = buffer.Start;
            while (TryPacket(buffer.Slice(consumed), out var length))
            {
                lengths.Add(length);
                consumed = buffer.GetPosition(length, consumed);
            }
            reader.AdvanceTo(consumed, buffer.End);
            if (result.IsCompleted) return lengths;
        }
    }

    private static bool TryPacket(ReadOnlySequence<byte> bytes, out int length)
    {
        length = 0;
        var header = BuffersExtensions.ToArray(bytes.Slice(0, Math.Min(5, bytes.Length)));
        int remaining = 0, multiplier = 1, i = 1;
        for (; ; i++)
        {
            if (i >= header.Length) return false;
            remaining += (header[i] & 0x7F) * multiplier;
            multiplier *= 128;
            if ((header[i] & 0x80) == 0) break;
        }
        length = i + 1 + remaining;
        return bytes.Length >= length;
    }
}
