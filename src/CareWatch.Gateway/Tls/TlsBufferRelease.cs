using System.Net.Security;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace CareWatch.Gateway.Tls;

/// <summary>
/// Lets OpenSSL give back a TLS connection's record buffers while the connection is idle.
/// <para>
/// Why: OpenSSL keeps a read and a write record buffer of about 17 KB each for the whole life of a
/// connection unless <c>SSL_MODE_RELEASE_BUFFERS</c> is set, and .NET's <see cref="SslStream"/> does not
/// set it. A watch sends a few hundred bytes every few minutes, so those 34 KB are the larger part of what
/// a connected watch costs the gateway (measured with heaptrack; see docs/benchmarks.md). With the mode set,
/// OpenSSL frees a buffer as soon as it is empty and allocates it again for the next record.
/// </para>
/// <para>
/// How: the connection's OpenSSL handle is not public, so it is read from <see cref="SslStream"/>'s private
/// state by reflection, found once at start-up. When the runtime's internals differ (another .NET version,
/// or not OpenSSL at all), <see cref="Available"/> is false with the reason, and connections work as before.
/// </para>
/// </summary>
public sealed class TlsBufferRelease
{
    // SSL_set_mode/SSL_get_mode are macros over SSL_ctrl(ssl, SSL_CTRL_MODE, mode, NULL); 0 only reads the mode.
    private const int SslCtrlMode = 33;
    private const nint SslModeReleaseBuffers = 0x10;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate nint SslCtrl(nint ssl, int command, nint larg, nint parg);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int SslFreeBuffers(nint ssl);

    private readonly Func<SslStream, SafeHandle?>? _handleOf;
    private readonly SslCtrl? _ctrl;
    private readonly SslFreeBuffers? _freeBuffers;

    /// <summary>Finds libssl and the way to an <see cref="SslStream"/>'s handle; never throws.</summary>
    public TlsBufferRelease()
    {
        if (!OperatingSystem.IsLinux()) { Unavailable = "not Linux: SslStream does not use OpenSSL here"; return; }
        if (!TryLoadLibSsl(out var libssl)) { Unavailable = "libssl.so.3 / libssl.so.1.1 not found"; return; }
        if (!NativeLibrary.TryGetExport(libssl, "SSL_ctrl", out var ctrl) || !NativeLibrary.TryGetExport(libssl, "SSL_free_buffers", out var free))
        {
            Unavailable = "libssl exports no SSL_ctrl or SSL_free_buffers";
            return;
        }
        _handleOf = HandleAccessor(out var problem);
        if (_handleOf is null) { Unavailable = problem; return; }
        _ctrl = Marshal.GetDelegateForFunctionPointer<SslCtrl>(ctrl);
        _freeBuffers = Marshal.GetDelegateForFunctionPointer<SslFreeBuffers>(free);
    }

    /// <summary>True when connections' buffers can be released.</summary>
    public bool Available => Unavailable is null;

    /// <summary>Why <see cref="Available"/> is false; null when it is true.</summary>
    public string? Unavailable { get; }

    /// <summary>
    /// Sets the release mode on an authenticated stream and frees its buffers now if they are empty. Call
    /// it between the handshake and the first read or write: OpenSSL handles are not thread-safe.
    /// Returns false when it could not (unavailable, or the stream has no handle).
    /// </summary>
    public bool Apply(SslStream stream) => WithHandle(stream, ssl =>
    {
        _ctrl!(ssl, SslCtrlMode, SslModeReleaseBuffers, 0);
        _freeBuffers!(ssl); // 0 when a buffer still holds data: it is then freed once drained, by the mode
        return true;
    });

    /// <summary>
    /// Kestrel connection middleware for after <c>UseHttps</c>: the handshake is done and nothing reads or
    /// writes yet, so the handle is free to change.
    /// </summary>
    public ConnectionDelegate AfterHandshake(ConnectionDelegate next) => connection =>
    {
        if (connection.Features.Get<ISslStreamFeature>()?.SslStream is { } stream) Apply(stream);
        return next(connection);
    };

    /// <summary>Whether the stream's OpenSSL handle has the release mode set (for tests and diagnostics).</summary>
    public bool IsReleasing(SslStream stream) =>
        WithHandle(stream, ssl => (_ctrl!(ssl, SslCtrlMode, 0, 0) & SslModeReleaseBuffers) != 0);

    private bool WithHandle(SslStream stream, Func<nint, bool> action)
    {
        if (_handleOf?.Invoke(stream) is not { IsInvalid: false, IsClosed: false } handle) return false;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return action(handle.DangerousGetHandle());
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    private static bool TryLoadLibSsl(out nint libssl) =>
        NativeLibrary.TryLoad("libssl.so.3", out libssl) || NativeLibrary.TryLoad("libssl.so.1.1", out libssl);

    // SslStream._securityContext holds the SSL*: since .NET 8 on Linux it is itself a SafeSslHandle; older
    // runtimes wrapped one in a SafeDeleteSslContext's SslContext property. Anything else is not OpenSSL.
    private static Func<SslStream, SafeHandle?>? HandleAccessor(out string? problem)
    {
        const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var context = typeof(SslStream).GetField("_securityContext", Instance);
        var sslHandle = typeof(SslStream).Assembly.GetType("Microsoft.Win32.SafeHandles.SafeSslHandle");
        if (context is null || sslHandle is null || !typeof(SafeHandle).IsAssignableFrom(sslHandle))
        {
            problem = "this .NET runtime's SslStream keeps its OpenSSL handle elsewhere";
            return null;
        }
        var wrapped = context.FieldType.GetProperty("SslContext", Instance);
        problem = null;
        return stream => context.GetValue(stream) switch
        {
            SafeHandle h when sslHandle.IsInstanceOfType(h) => h,
            { } c when wrapped is not null => wrapped.GetValue(c) as SafeHandle,
            _ => null,
        };
    }
}
