using CareWatch.Storage.Alerts;

namespace CareWatch.Monitoring.Notifications.Email;

/// <summary>The e-mails' languages: English (the fallback), German and Chinese (simplified).</summary>
internal static class MailLanguages
{
    public static readonly MailLanguage English = new(
        "en",
        Subject: "CareWatch alert: {1} – {0}",
        Opened: "An alert was raised for {0}: {1}. Please check on them now.",
        Reminder: "Reminder {2}: nobody has taken the alert for {0} ({1}) yet.",
        Acknowledged: "A member of staff has taken the alert for {0} ({1}).",
        Resolved: "The alert for {0} ({1}) has been closed.",
        Changed: "The alert for {0} ({1}) has changed.",
        Severity: "Severity: {0}",
        CheckingLink: "If you are checking on {0} yourself, tell the bureau with one click:",
        Footer: "This message was sent automatically by CareWatch.",
        Kinds: new Dictionary<string, string>
        {
            [AlertKinds.Inactivity] = "no movement", [AlertKinds.Sos] = "SOS call", [AlertKinds.Fall] = "fall",
            [AlertKinds.NotWorn] = "watch not worn", [AlertKinds.LeftCharging] = "watch left on its charger",
            [AlertKinds.Offline] = "watch offline", [AlertKinds.LowBattery] = "low battery",
            [AlertKinds.Wellbeing] = "wellbeing insight",
        },
        Severities: new Dictionary<AlertSeverity, string>
        {
            [AlertSeverity.Info] = "information", [AlertSeverity.Low] = "low", [AlertSeverity.High] = "high",
            [AlertSeverity.Critical] = "critical",
        });

    public static readonly MailLanguage German = new(
        "de",
        Subject: "CareWatch-Alarm: {1} – {0}",
        Opened: "Für {0} wurde ein Alarm ausgelöst: {1}. Bitte kümmern Sie sich jetzt darum.",
        Reminder: "Erinnerung {2}: Den Alarm für {0} ({1}) hat noch niemand übernommen.",
        Acknowledged: "Ein Mitarbeiter des Büros hat den Alarm für {0} ({1}) übernommen.",
        Resolved: "Der Alarm für {0} ({1}) wurde abgeschlossen.",
        Changed: "Der Alarm für {0} ({1}) hat sich geändert.",
        Severity: "Dringlichkeit: {0}",
        CheckingLink: "Wenn Sie selbst nach {0} sehen, sagen Sie es dem Büro mit einem Klick:",
        Footer: "Diese Nachricht wurde automatisch von CareWatch gesendet.",
        Kinds: new Dictionary<string, string>
        {
            [AlertKinds.Inactivity] = "keine Bewegung", [AlertKinds.Sos] = "Notruf (SOS)", [AlertKinds.Fall] = "Sturz",
            [AlertKinds.NotWorn] = "Uhr nicht getragen", [AlertKinds.LeftCharging] = "Uhr bleibt im Ladegerät",
            [AlertKinds.Offline] = "Uhr nicht erreichbar", [AlertKinds.LowBattery] = "Akku fast leer",
            [AlertKinds.Wellbeing] = "Hinweis zum Wohlbefinden",
        },
        Severities: new Dictionary<AlertSeverity, string>
        {
            [AlertSeverity.Info] = "Information", [AlertSeverity.Low] = "niedrig", [AlertSeverity.High] = "hoch",
            [AlertSeverity.Critical] = "kritisch",
        });

    public static readonly MailLanguage Chinese = new(
        "zh",
        Subject: "CareWatch 警报：{0} — {1}",
        Opened: "{0} 触发了警报：{1}。请立即前往查看。",
        Reminder: "第 {2} 次提醒：{0} 的警报（{1}）仍无人受理。",
        Acknowledged: "{0} 的警报（{1}）已由工作人员受理。",
        Resolved: "{0} 的警报（{1}）已处理完毕。",
        Changed: "{0} 的警报（{1}）有了新的变化。",
        Severity: "紧急程度：{0}",
        CheckingLink: "如果您正在前去看望 {0}，请点击以下链接告知服务站：",
        Footer: "此消息由 CareWatch 自动发送。",
        Kinds: new Dictionary<string, string>
        {
            [AlertKinds.Inactivity] = "长时间没有活动", [AlertKinds.Sos] = "紧急呼叫（SOS）", [AlertKinds.Fall] = "跌倒",
            [AlertKinds.NotWorn] = "手表未佩戴", [AlertKinds.LeftCharging] = "手表一直在充电",
            [AlertKinds.Offline] = "手表离线", [AlertKinds.LowBattery] = "电量不足",
            [AlertKinds.Wellbeing] = "健康状况提示",
        },
        Severities: new Dictionary<AlertSeverity, string>
        {
            [AlertSeverity.Info] = "提示", [AlertSeverity.Low] = "低", [AlertSeverity.High] = "高",
            [AlertSeverity.Critical] = "危急",
        });

    /// <summary>The language for a code (en, de, zh); English for any other.</summary>
    public static MailLanguage For(string? code) => code switch
    {
        "de" => German,
        "zh" => Chinese,
        _ => English,
    };
}
