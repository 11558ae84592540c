using CareWatch.Server.Tests.Support;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>What the administration pages' browser tests share: a signed-in browser and the pages' addresses.</summary>
internal static class AdminBrowser
{
    /// <summary>A browser signed in as a new account of <paramref name="role"/> in the test bureau (on the board).</summary>
    public static async Task<Board> SignedInAsync(ServerHost server, string role)
    {
        var account = await Support.Accounts.CreateAsync(server, role, await server.TestBureauAsync());
        var board = await Board.LaunchAsync();
        await Board.SignInAsync(board.Page, server, account);
        return board;
    }

    /// <summary>The HTTPS address of a page.</summary>
    public static string Url(ServerHost server, string path) => new Uri(server.HttpsAddress, path).ToString();
}
