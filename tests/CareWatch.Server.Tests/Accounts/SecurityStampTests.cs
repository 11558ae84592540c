using System.Net;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Accounts;

/// <summary>
/// A changed security stamp (password reset, role change, account disabled) ends sessions signed in before it.
/// The server checks the stamp once a minute; here on every request, so the test need not wait a minute.
/// </summary>
public sealed class SecurityStampTests : ServerTest
{
    /// <inheritdoc />
    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

    [Fact]
    public async Task Session_StampChanged_RefusedAtNextValidation()
    {
        var senior = await Arrange.SeniorAsync(Server, "Stamp Senior");
        var account = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Staff, senior.BureauId);
        using var staff = await Support.Accounts.SignInAsync(Server, account);
        using (var unchanged = await staff.Http.GetAsync("api/alerts"))
            Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);

        using (var scope = Server.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            var result = await users.UpdateSecurityStampAsync((await users.FindByIdAsync(account.Id.ToString()))!);
            Assert.True(result.Succeeded);
        }
        using var after = await staff.Http.GetAsync("api/alerts");

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
