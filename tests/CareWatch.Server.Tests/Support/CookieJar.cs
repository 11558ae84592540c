namespace CareWatch.Server.Tests.Support;

/// <summary>
/// Keeps cookies as a browser does for one site, and lets a test read the Set-Cookie attributes it received.
/// </summary>
public sealed class CookieJar : DelegatingHandler
{
    private readonly Dictionary<string, string> _cookies = [];

    /// <summary>A jar in front of <paramref name="inner"/>, which must neither follow redirects nor keep cookies.</summary>
    public CookieJar(HttpMessageHandler inner) : base(inner) { }

    /// <summary>Every Set-Cookie header received, whole (name=value; attributes).</summary>
    public List<string> SetCookieHeaders { get; } = [];

    /// <summary>The current value of a cookie, or null.</summary>
    public string? this[string name] => _cookies.GetValueOrDefault(name);

    /// <summary>The Cookie header a browser would send now (for clients that take headers, such as SignalR's).</summary>
    public string Header => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    /// <summary>Forgets one cookie (a test replaying a request without it).</summary>
    public void Remove(string name) => _cookies.Remove(name);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", Header);
        var response = await base.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var header in values)
            {
                SetCookieHeaders.Add(header);
                var pair = header.Split(';', 2)[0];
                var eq = pair.IndexOf('=');
                var (name, value) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(name);
                else _cookies[name] = value;
            }
        }
        return response;
    }
}
