using System.Text.Json;
using CareWatch.FirmwareSim.CheckIn;
using Microsoft.Extensions.Time.Testing;

namespace CareWatch.FirmwareSim.Tests.CheckIn;

public sealed class PromptResponderTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private const string Prompt = """{"alertId":17,"prompt":1,"windowSeconds":120}""";

    private static PromptResponder Responder(FakeTimeProvider time, CheckInRole role, double p = 1) =>
        new(new CheckInAnswers(42, 0, role, p, TimeSpan.FromSeconds(20)), time, "w1");

    [Fact]
    public void Handle_AreYouOk_AnswersShownAtOnce()
    {
        var time = new FakeTimeProvider(Start);
        using var responder = Responder(time, CheckInRole.Healthy);

        var answer = responder.Handle(PromptResponder.Method, Prompt);

        Assert.Equal(200, answer.Status);
        using var json = JsonDocument.Parse(answer.PayloadJson);
        Assert.True(json.RootElement.GetProperty("shown").GetBoolean());
        Assert.Equal(17, json.RootElement.GetProperty("alertId").GetInt64());
        Assert.False(responder.Presses.TryRead(out _), "she has not pressed yet");
    }

    [Fact]
    public void Handle_Healthy_PressesOkAfterTheDelayOnTheWatchClock()
    {
        var time = new FakeTimeProvider(Start);
        using var responder = Responder(time, CheckInRole.Healthy);

        responder.Handle(PromptResponder.Method, Prompt);
        time.Advance(TimeSpan.FromSeconds(19));
        Assert.False(responder.Presses.TryRead(out _), "not before the delay");
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(responder.Presses.TryRead(out var at));
        Assert.Equal(Start.UtcDateTime.AddSeconds(20), at);
        Assert.False(responder.Presses.TryRead(out _), "one press per prompt");
    }

    [Fact]
    public void Handle_Collapsed_ShownButNeverPressed()
    {
        var time = new FakeTimeProvider(Start);
        using var responder = Responder(time, CheckInRole.Collapsed);

        var answer = responder.Handle(PromptResponder.Method, Prompt);
        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(200, answer.Status); // the watch buzzes; she cannot answer
        Assert.False(responder.Presses.TryRead(out _));
    }

    [Fact]
    public void Handle_HealthyWhoDoesNotAnswer_NeverPressed()
    {
        var time = new FakeTimeProvider(Start);
        using var responder = Responder(time, CheckInRole.Healthy, p: 0);

        responder.Handle(PromptResponder.Method, Prompt);
        time.Advance(TimeSpan.FromHours(1));

        Assert.False(responder.Presses.TryRead(out _));
    }

    [Theory]
    [InlineData("reboot", Prompt, 404)]
    [InlineData(PromptResponder.Method, """{"prompt":1}""", 400)]
    [InlineData(PromptResponder.Method, "not json", 400)]
    public void Handle_UnknownMethodOrBadPayload_ErrorStatusAndNoPress(string method, string payload, int status)
    {
        var time = new FakeTimeProvider(Start);
        using var responder = Responder(time, CheckInRole.Dozing);

        var answer = responder.Handle(method, payload);
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(status, answer.Status);
        Assert.False(responder.Presses.TryRead(out _));
    }

    [Fact]
    public void Dispose_PendingPress_NeverComes()
    {
        var time = new FakeTimeProvider(Start);
        var responder = Responder(time, CheckInRole.Dozing);

        responder.Handle(PromptResponder.Method, Prompt);
        responder.Dispose();
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(responder.Presses.TryRead(out _));
        Assert.True(responder.Presses.Completion.IsCompleted);
    }
}
