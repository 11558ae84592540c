using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Server.Tests.Privacy;
using CareWatch.Server.Tests.Support;

namespace CareWatch.Server.Tests.Apis;

/// <summary>/api/notifications: a supervisor lists their bureau's dead letters and queues one again.</summary>
public sealed class DeadLettersApiTests(PrivacyServer fixture) : IClassFixture<PrivacyServer>
{
    /// <summary>A notification that gave up (to a webhook that no longer exists, so a retry dies again quietly).</summary>
    private async Task<long> DeadAsync(Guid bureauId)
    {
        await using var cmd = fixture.Db.DataSource.CreateCommand("""
            INSERT INTO notification_outbox (bureau_id, channel, recipient, kind, urgent, idempotency_key, status, attempts,
                                             not_before, created_at, last_error)
            VALUES (@b, 'webhook', 'webhook:' || gen_random_uuid(), 'alert-open', true, gen_random_uuid()::text, 'dead', 8,
                    now(), now(), 'HTTP 503')
            RETURNING id
            """);
        cmd.Parameters.AddWithValue("b", bureauId);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task ListThenRetry_Supervisor_QueuedAgainAndAudited()
    {
        var senior = await fixture.SeniorAsync("Dead Mine");
        var other = await fixture.SeniorAsync("Dead Theirs");
        var first = await DeadAsync(senior.BureauId);
        var second = await DeadAsync(senior.BureauId);
        await DeadAsync(other.BureauId);
        using var supervisor = fixture.Supervisor(senior.BureauId);

        var dead = await supervisor.GetFromJsonAsync<JsonElement>("api/notifications/dead");
        Assert.Equal([second, first], dead.EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        Assert.Equal(("HTTP 503", 8), (dead[0].GetProperty("lastError").GetString(), dead[0].GetProperty("attempts").GetInt32()));
        Assert.Single((await supervisor.GetFromJsonAsync<JsonElement>("api/notifications/dead?limit=1")).EnumerateArray());

        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsync($"api/notifications/{first}/retry", null)).StatusCode);
        // (Not retried twice here: the dispatcher may already have given up on it again, its webhook being gone.)
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsync("api/notifications/999999999/retry", null)).StatusCode);
        Assert.Equal([("notification.retried", first.ToString())],
            (await AuditOf.BureauAsync(fixture.Db, senior.BureauId)).Select(e => (e.Action, e.Subject)));
    }

    [Fact]
    public async Task Retry_AnotherBureausDeadLetter_404AndItStaysDead()
    {
        var senior = await fixture.SeniorAsync("Dead Retry Mine");
        var other = await fixture.SeniorAsync("Dead Retry Theirs");
        var theirs = await DeadAsync(other.BureauId);
        using var supervisor = fixture.Supervisor(senior.BureauId);

        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsync($"api/notifications/{theirs}/retry", null)).StatusCode);
        Assert.Empty((await supervisor.GetFromJsonAsync<JsonElement>("api/notifications/dead")).EnumerateArray());
        Assert.Equal("dead", await fixture.Db.ScalarAsync<string>("SELECT status FROM notification_outbox WHERE id = @id", ("id", theirs)));
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("api/notifications/dead?limit=0")).StatusCode);
    }

    [Fact]
    public async Task Admin_NamesTheBureau_SupervisorCannotNameAnother()
    {
        var senior = await fixture.SeniorAsync("Dead Admin");
        var other = await fixture.SeniorAsync("Dead Admin Other");
        var dead = await DeadAsync(senior.BureauId);
        using var admin = fixture.Server.ClientAs("admin");
        using var foreign = fixture.Supervisor(other.BureauId);

        var listed = await admin.GetFromJsonAsync<JsonElement>($"api/notifications/dead?bureauId={senior.BureauId}");
        Assert.Equal(dead, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("api/notifications/dead")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await foreign.GetAsync($"api/notifications/dead?bureauId={senior.BureauId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await foreign.PostAsync($"api/notifications/{dead}/retry?bureauId={senior.BureauId}", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.PostAsync($"api/notifications/{dead}/retry?bureauId={senior.BureauId}", null)).StatusCode);
        Assert.Equal(["notification.retried"], (await AuditOf.BureauAsync(fixture.Db, senior.BureauId)).Select(e => e.Action));
    }
}
