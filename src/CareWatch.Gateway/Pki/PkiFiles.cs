namespace CareWatch.Gateway.Pki;

/// <summary>File names of the private CA's folder.</summary>
internal sealed record PkiFiles(string Directory)
{
    public string CaCert => Path.Combine(Directory, "ca.crt");
    public string CaKey => Path.Combine(Directory, "ca.key");
    public string ServerCert => Path.Combine(Directory, "server.crt");
    public string ServerKey => Path.Combine(Directory, "server.key");
}
