namespace CareWatch.Monitoring.Tests.Support;

/// <summary>A plain HttpClient per call, for a channel built without dependency injection.</summary>
internal sealed class PlainHttpClients : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new();
}
