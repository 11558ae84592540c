namespace CareWatch.Server.Pages.Admin;

/// <summary>
/// The translations of the administration area: its pages share partials (field errors, the time-zone list) and
/// the commands' messages, so they share one resx pair (Resources/Pages/Admin/AdminText.de.resx and .zh-Hans.resx)
/// instead of one per page, which would repeat every message in each. Only this area edits it.
/// </summary>
public sealed class AdminText;
