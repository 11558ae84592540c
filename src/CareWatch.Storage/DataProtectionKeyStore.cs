using Npgsql;

namespace CareWatch.Storage;

/// <summary>One stored element of the Data Protection key ring, as XML text.</summary>
/// <param name="FriendlyName">The name the key manager gave it (unique).</param>
/// <param name="Xml">The element, encrypted inside when a key-encryption certificate is configured.</param>
public sealed record DataProtectionKeyRow(string FriendlyName, string Xml);

/// <summary>
/// The Data Protection key ring in PostgreSQL (table <c>data_protection_keys</c>), so every node reads the same
/// ring. Synchronous, because the key manager's repository contract is: it reads the ring at start and about once
/// a day, and writes when a key is created or revoked, so blocking a thread there costs nothing measurable.
/// </summary>
public sealed class DataProtectionKeyStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Every element, oldest first.</summary>
    public IReadOnlyList<DataProtectionKeyRow> ReadAll()
    {
        using var cmd = dataSource.CreateCommand("""
            SELECT friendly_name, xml FROM data_protection_keys ORDER BY created_at, friendly_name
            """);
        using var reader = cmd.ExecuteReader();
        var rows = new List<DataProtectionKeyRow>();
        while (reader.Read()) rows.Add(new DataProtectionKeyRow(reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    /// <summary>
    /// Adds an element. A name that exists already is an error (a key is never overwritten: payloads protected
    /// with the stored one would become unreadable).
    /// </summary>
    public void Add(string friendlyName, string xml)
    {
        using var cmd = dataSource.CreateCommand("""
            INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@name, @xml, @now)
            """);
        cmd.Parameters.AddWithValue("name", friendlyName);
        cmd.Parameters.AddWithValue("xml", xml);
        cmd.Parameters.AddWithValue("now", time.GetUtcNow().UtcDateTime);
        cmd.ExecuteNonQuery();
    }
}
