using CareWatch.Monitoring.Notifications.Email;
using CareWatch.Storage.Alerts;

namespace CareWatch.Monitoring.Tests.Notifications.Email;

public sealed class MailContentTests
{
    private static readonly NotificationPayload Facts =
        new(812, Guid.NewGuid(), AlertKinds.Inactivity, AlertSeverity.Critical, Step: 2);

    private static readonly Uri Link = new("https://care.example.org/respond/token");

    [Fact]
    public void Render_AlarmInChinese_HasTheAlarmSubjectSeverityAndCheckingLink()
    {
        var mail = MailContent.Render("zh", NotificationKinds.AlertOpen, Facts, "Chen Yuying", Link);

        Assert.Equal("CareWatch 警报：Chen Yuying — 长时间没有活动", mail.Subject);
        Assert.Contains("紧急程度：危急", mail.Text);
        Assert.Contains(Link.AbsoluteUri, mail.Text);
        Assert.Contains(Link.AbsoluteUri, mail.Html);
    }

    [Theory]
    [InlineData(NotificationKinds.AlertAcknowledged, "CareWatch — Chen Yuying 的警报（长时间没有活动）已由工作人员受理。")]
    [InlineData(NotificationKinds.AlertResolved, "CareWatch — Chen Yuying 的警报（长时间没有活动）已处理完毕。")]
    public void Render_FollowUp_SaysTheNewsInItsSubject_WithoutSeverityOrCheckingLink(string kind, string subject)
    {
        var mail = MailContent.Render("zh", kind, Facts, "Chen Yuying", Link);

        Assert.Equal(subject, mail.Subject);
        Assert.DoesNotContain("警报：", mail.Subject);
        Assert.DoesNotContain("紧急程度", mail.Text);
        Assert.DoesNotContain(Link.AbsoluteUri, mail.Text);
        Assert.DoesNotContain(Link.AbsoluteUri, mail.Html);
    }
}
