namespace CareWatch.Storage.Alerts;

/// <summary>SQL that turns an alert_events actor (kind, id) into the name a reader knows it by.</summary>
internal static class ActorNames
{
    /// <summary>
    /// The name of the actor in columns <paramref name="kind"/> and <paramref name="id"/>: a user's display name, an
    /// API key's name, a contact's name; null for the system and the senior. Ids are compared as text because a
    /// system actor's id is a job name, not a uuid (a cast would fail on it).
    /// </summary>
    public static string Sql(string kind, string id) => $"""
        CASE {kind}
            WHEN 'user' THEN (SELECT u.display_name FROM users u WHERE u.id::text = {id})
            WHEN 'api-key' THEN (SELECT k.name FROM api_keys k WHERE k.id::text = {id})
            WHEN 'relative' THEN (SELECT c.name FROM senior_contacts c WHERE c.id::text = {id})
        END
        """;

    /// <summary>The name of whoever caused the alert's latest event of this kind (SQL; alias x is the alert).</summary>
    public static string OfLatestEvent(string @event) => $"""
        (SELECT {Sql("e.actor_kind", "e.actor_id")} FROM alert_events e
         WHERE e.alert_id = x.id AND e.event = '{@event}' ORDER BY e.id DESC LIMIT 1)
        """;
}
