using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace CareWatch.Storage.Audit;

/// <summary>The vocabulary of the audit log (issue 10, point 7).</summary>
public static partial class AuditActions
{
    /// <summary>A person signed in.</summary>
    public static readonly AuditAction SignInSucceeded = new("sign-in.succeeded");

    /// <summary>A sign-in was refused (wrong password, locked out, unknown account).</summary>
    public static readonly AuditAction SignInFailed = new("sign-in.failed");

    /// <summary>An account was created.</summary>
    public static readonly AuditAction AccountCreated = new("account.created");

    /// <summary>An account's role (or bureau, or senior) changed.</summary>
    public static readonly AuditAction AccountRoleChanged = new("account.role-changed");

    /// <summary>An account was deleted.</summary>
    public static readonly AuditAction AccountDeleted = new("account.deleted");

    /// <summary>A supervisor switched an account off (it cannot sign in, escalation skips it).</summary>
    public static readonly AuditAction AccountDisabled = new("account.disabled");

    /// <summary>A supervisor switched an account on again.</summary>
    public static readonly AuditAction AccountEnabled = new("account.enabled");

    /// <summary>A senior was added to a bureau.</summary>
    public static readonly AuditAction SeniorCreated = new("senior.created");

    /// <summary>A senior's name, time zone or language changed.</summary>
    public static readonly AuditAction SeniorUpdated = new("senior.updated");

    /// <summary>A watch identity was created.</summary>
    public static readonly AuditAction DeviceCreated = new("device.created");

    /// <summary>A watch identity was deleted.</summary>
    public static readonly AuditAction DeviceDeleted = new("device.deleted");

    /// <summary>A watch may connect again.</summary>
    public static readonly AuditAction DeviceEnabled = new("device.enabled");

    /// <summary>A watch is refused from now on.</summary>
    public static readonly AuditAction DeviceDisabled = new("device.disabled");

    /// <summary>One of a watch's keys was replaced.</summary>
    public static readonly AuditAction DeviceKeyRegenerated = new("device.key-regenerated");

    /// <summary>A watch was assigned to a senior (or moved, or unassigned).</summary>
    public static readonly AuditAction DeviceAssigned = new("device.assigned");

    /// <summary>Everything held about a senior was exported.</summary>
    public static readonly AuditAction SeniorExported = new("senior.exported");

    /// <summary>A senior's personal data was erased on request.</summary>
    public static readonly AuditAction SeniorErased = new("senior.erased");

    /// <summary>A consent was recorded.</summary>
    public static readonly AuditAction ConsentRecorded = new("consent.recorded");

    /// <summary>A consent was withdrawn.</summary>
    public static readonly AuditAction ConsentWithdrawn = new("consent.withdrawn");

    /// <summary>The retention job rolled old raw data up and deleted it.</summary>
    public static readonly AuditAction RetentionApplied = new("retention.applied");

    /// <summary>A bureau's check-in settings ("Are you OK?" window, second prompt, low-battery level) changed.</summary>
    public static readonly AuditAction CheckInSettingsChanged = new("bureau.check-in-changed");

    /// <summary>A bureau's escalation chain was replaced (or reset to the default chain).</summary>
    public static readonly AuditAction EscalationChanged = new("bureau.escalation-changed");

    /// <summary>A shift was added to the rota.</summary>
    public static readonly AuditAction ShiftAdded = new("shift.added");

    /// <summary>A shift was removed from the rota.</summary>
    public static readonly AuditAction ShiftDeleted = new("shift.deleted");

    /// <summary>A senior's contact (relative, neighbour) was added.</summary>
    public static readonly AuditAction ContactCreated = new("contact.created");

    /// <summary>A senior's contact was changed.</summary>
    public static readonly AuditAction ContactUpdated = new("contact.updated");

    /// <summary>A senior's contact was removed.</summary>
    public static readonly AuditAction ContactDeleted = new("contact.deleted");

    /// <summary>A supervisor made a sign-in invitation for a contact (the link itself is not kept).</summary>
    public static readonly AuditAction ContactInvited = new("contact.invited");

    /// <summary>An invited relative made their account (audited as the new account, by id).</summary>
    public static readonly AuditAction InvitationAccepted = new("invitation.accepted");

    /// <summary>A bureau's webhook was created (its secret was shown once).</summary>
    public static readonly AuditAction WebhookCreated = new("webhook.created");

    /// <summary>A bureau's webhook was deleted.</summary>
    public static readonly AuditAction WebhookDeleted = new("webhook.deleted");

    /// <summary>A dead notification was queued again.</summary>
    public static readonly AuditAction NotificationRetried = new("notification.retried");

    /// <summary>A person changed how they are notified (their channels and quiet hours).</summary>
    public static readonly AuditAction NotificationPreferencesChanged = new("account.notifications-changed");

    internal const string AlertPrefix = "alert.";

    /// <summary>Every fixed action by its stored name.</summary>
    public static readonly FrozenDictionary<string, AuditAction> All = new[]
    {
        SignInSucceeded, SignInFailed, AccountCreated, AccountRoleChanged, AccountDeleted, DeviceCreated, DeviceDeleted,
        DeviceEnabled, DeviceDisabled, DeviceKeyRegenerated, DeviceAssigned, SeniorExported, SeniorErased,
        ConsentRecorded, ConsentWithdrawn, RetentionApplied, CheckInSettingsChanged, EscalationChanged, ShiftAdded,
        ShiftDeleted, ContactCreated, ContactUpdated, ContactDeleted, ContactInvited, InvitationAccepted, WebhookCreated, WebhookDeleted, NotificationRetried,
        NotificationPreferencesChanged, AccountDisabled, AccountEnabled, SeniorCreated, SeniorUpdated,
    }.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>
    /// An alert's transition (<c>alert.acknowledged</c>, <c>alert.resolved</c>, …) once the alert lifecycle records
    /// them; <paramref name="transition"/> is the lifecycle's own word (lower case letters and dashes).
    /// </summary>
    public static AuditAction Alert(string transition) => TransitionWord().IsMatch(transition)
        ? new AuditAction(AlertPrefix + transition)
        : throw new ArgumentException("An alert transition is lower-case letters and dashes.", nameof(transition));

    [GeneratedRegex("^[a-z][a-z-]*$")]
    private static partial Regex TransitionWord();
}
