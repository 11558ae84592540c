using CareWatch.Gateway.Hub;
using CareWatch.Gateway.Tests.Support;

namespace CareWatch.Gateway.Tests.Hub;

public sealed class HubEventMapperTests
{
    [Fact]
    public void Map_DeviceEvent_DeviceIdFromSystemPropertyAndBagFromApplicationProperties()
    {
        var data = HubEvents.Telemetry("watch-7", Batches.Minutes(3, 1), 10);

        var message = HubEventMapper.Map(data, out var refusal);

        Assert.Null(refusal);
        Assert.Equal("watch-7", message!.DeviceId);
        Assert.Equal("carewatch.v1", message.Properties["schema"]);
        Assert.Equal(data.EventBody.ToArray(), message.Payload.ToArray());
        Assert.Equal(data.EnqueuedTime, message.EnqueuedAt);
    }

    [Fact]
    public void Map_NoDeviceId_RefusedNoDeviceId()
    {
        Assert.Null(HubEventMapper.Map(HubEvents.Telemetry(null, Batches.Minutes(1, 1), 1), out var refusal));
        Assert.Equal("no-device-id", refusal);
    }

    [Fact]
    public void Map_ModuleMessage_Refused()
    {
        Assert.Null(HubEventMapper.Map(HubEvents.Telemetry("w", Batches.Minutes(1, 1), 1, moduleId: "edge"), out var refusal));
        Assert.Equal("module-message", refusal);
    }
}
