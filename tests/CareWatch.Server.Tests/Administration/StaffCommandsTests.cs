using System.Net;
using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.Storage.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Administration;

/// <summary>A supervisor creates the bureau's accounts and switches them off and on, through the real Identity.</summary>
public sealed class StaffCommandsTests : ServerTest
{
    [Fact]
    public async Task Create_NoPassword_GeneratedOneSignsInAndAudited()
    {
        var bureau = await Server.TestBureauAsync();

        var result = await CreateAsync(Supervisor(bureau), new NewStaffMember("night.nurse", "Night Nurse", "staff", null));

        var created = Assert.IsType<CreatedStaffMember>(result.Value);
        Assert.True(created.GeneratedPassword!.Length >= 12);
        using var login = await Support.Accounts.PostLoginAsync(Support.Accounts.Browser(Server).Http, "night.nurse",
            created.GeneratedPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var entry = Assert.Single(await AuditOf.BureauAsync(Db, bureau), e => e.Action == "account.created");
        Assert.Equal(created.Account.Id.ToString(), entry.Subject);
        Assert.DoesNotContain("Nurse", entry.Details);
    }

    [Fact]
    public async Task Create_ShortPasswordTakenNameOrBadRole_ErrorsByField()
    {
        var supervisor = Supervisor(await Server.TestBureauAsync());
        await CreateAsync(supervisor, new NewStaffMember("day.nurse", "Day Nurse", "staff", null));

        var weak = await CreateAsync(supervisor, new NewStaffMember("other.nurse", "Other", "staff", "short"));
        var taken = await CreateAsync(supervisor, new NewStaffMember("day.nurse", "Again", "staff", null));
        var role = await CreateAsync(supervisor, new NewStaffMember("admin.wannabe", "Admin", "admin", null));

        Assert.Equal(["password"], weak.Errors.Keys);
        Assert.Equal(["userName"], taken.Errors.Keys);
        Assert.Equal(["role"], role.Errors.Keys);
    }

    [Fact]
    public async Task Disable_SignInRefusedUntilEnabledAgain()
    {
        var bureau = await Server.TestBureauAsync();
        var supervisor = Supervisor(bureau);
        var staff = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Staff, bureau);

        Assert.NotNull((await SetDisabledAsync(supervisor, staff.Id, true)).Value);
        using (var refused = await Support.Accounts.PostLoginAsync(Support.Accounts.Browser(Server).Http, staff.UserName, staff.Password))
            Assert.Equal(HttpStatusCode.Locked, refused.StatusCode);
        var listed = await Server.Services.GetRequiredService<StaffDirectory>()
            .ListAsync(TenantScope.Bureau(bureau), DateTime.UtcNow);
        Assert.NotNull(Assert.Single(listed, s => s.Id == staff.Id).DisabledAt);

        Assert.NotNull((await SetDisabledAsync(supervisor, staff.Id, false)).Value);
        using var admitted = await Support.Accounts.PostLoginAsync(Support.Accounts.Browser(Server).Http, staff.UserName, staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
        Assert.Equal(["account.disabled", "account.enabled"], (await AuditOf.BureauAsync(Db, bureau))
            .Where(e => e.Subject == staff.Id.ToString() && e.Action.StartsWith("account.", StringComparison.Ordinal))
            .Select(e => e.Action));
    }

    [Fact]
    public async Task Disable_OwnAccountOrAnotherBureaus_Refused()
    {
        var bureau = await Server.TestBureauAsync();
        var me = Guid.NewGuid();
        var other = await Arrange.SeniorInNewBureauAsync(Server, "Other Bureau Senior");
        var theirs = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Staff, other.BureauId);

        var own = await SetDisabledAsync(Supervisor(bureau, me), me, true);
        var foreign = await SetDisabledAsync(Supervisor(bureau), theirs.Id, true);

        Assert.Equal(["accountId"], own.Errors.Keys);
        Assert.True(foreign.NotFound);
        using var login = await Support.Accounts.PostLoginAsync(Support.Accounts.Browser(Server).Http, theirs.UserName, theirs.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    private static ClaimsPrincipal Supervisor(Guid bureau, Guid? id = null) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, (id ?? Guid.NewGuid()).ToString()), new Claim(ClaimTypes.Name, "supervisor"),
        new Claim(ClaimTypes.Role, CareWatchRoles.Supervisor), new Claim(CareWatchClaims.Bureau, bureau.ToString()),
    ], "test"));

    private async Task<AdminResult<CreatedStaffMember>> CreateAsync(ClaimsPrincipal user, NewStaffMember input)
    {
        using var scope = Server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<StaffCommands>().CreateAsync(user, input);
    }

    private async Task<AdminResult<string>> SetDisabledAsync(ClaimsPrincipal user, Guid id, bool disabled)
    {
        using var scope = Server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<StaffCommands>().SetDisabledAsync(user, id, disabled);
    }
}
