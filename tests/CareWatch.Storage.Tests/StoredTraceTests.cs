using System.Diagnostics;
using CareWatch.Storage;

namespace CareWatch.Storage.Tests;

public sealed class StoredTraceTests
{
    [Fact]
    public void From_ColumnsOfARowWrittenInATrace_ContinueThatTraceAsARemoteParent()
    {
        var trace = StoredTrace.From("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331");

        var parent = trace!.Value.ToParent();

        Assert.Equal("0af7651916cd43dd8448eb211c80319c", parent.TraceId.ToHexString());
        Assert.Equal("b7ad6b7169203331", parent.SpanId.ToHexString());
        Assert.True(parent.IsRemote);
        Assert.Equal(ActivityTraceFlags.Recorded, parent.TraceFlags);
    }

    [Theory]
    [InlineData(null, "b7ad6b7169203331")] // a row from before migration 0025
    [InlineData("0af7651916cd43dd8448eb211c80319c", null)]
    [InlineData("0AF7651916CD43DD8448EB211C80319C", "b7ad6b7169203331")] // not as written
    [InlineData("0af7651916cd43dd", "b7ad6b7169203331")]
    [InlineData("zzf7651916cd43dd8448eb211c80319c", "b7ad6b7169203331")]
    public void From_MissingOrMalformedColumns_NoTraceRatherThanAFailedDelivery(string? traceId, string? spanId)
    {
        Assert.Null(StoredTrace.From(traceId, spanId));
    }

    [Fact]
    public void Current_InsideAnActivity_ItsTraceAndSpan()
    {
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();

        Assert.Equal(new StoredTrace(activity.TraceId.ToHexString(), activity.SpanId.ToHexString()), StoredTrace.Current);
    }
}
