using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests.Migrations;

public sealed class TraceIdsMigrationTests
{
    [Fact]
    public async Task Migrate_AlertsAndOutboxKeepATraceAndSpan_NullableForRowsWrittenOutsideATrace()
    {
        await using var db = await TestDatabase.CreateAsync();

        Assert.Equal(
            "alerts.span_id text YES, alerts.trace_id text YES, notification_outbox.span_id text YES, notification_outbox.trace_id text YES",
            await db.ScalarAsync<string>("""
                SELECT string_agg(table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable, ', '
                                  ORDER BY table_name, column_name)
                FROM information_schema.columns
                WHERE table_name IN ('alerts', 'notification_outbox') AND column_name IN ('trace_id', 'span_id')
                """));
    }
}
