using CareWatch.Server.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareWatch.Server.Pages.Seniors;

/// <summary>
/// The seniors board: a tile per senior of the bureau with her current state, live. The page is a shell; its script
/// (ClientApp/src/pages/seniors.ts) loads GET /api/seniors/states and follows the hub's SeniorStateChanged.
/// </summary>
[Authorize(Policy = CareWatchPolicies.BureauData)] // bureau people only: a relative sees her own senior elsewhere
public sealed class IndexModel : PageModel
{
}
