using System.Xml.Linq;
using CareWatch.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CareWatch.Server.Adapters;

/// <summary>
/// The Data Protection key ring in PostgreSQL, so that every node protects and unprotects with the same keys (a
/// device key encrypted by one node is read by another; a cookie issued by one is accepted by all). The SQL lives
/// in Storage (<see cref="DataProtectionKeyStore"/>); this class only turns rows into XML elements.
/// </summary>
public sealed class PostgresXmlRepository(DataProtectionKeyStore store) : IXmlRepository
{
    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.ReadAll().Select(row => XElement.Parse(row.Xml)).ToList();

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName) =>
        // The key manager names every element it stores; a unique fallback keeps the contract if it ever does not.
        store.Add(string.IsNullOrEmpty(friendlyName) ? "element-" + Guid.NewGuid().ToString("N") : friendlyName,
            element.ToString(SaveOptions.DisableFormatting));
}
