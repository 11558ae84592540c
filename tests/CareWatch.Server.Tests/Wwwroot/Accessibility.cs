using System.Text.Json;
using CareWatch.TestSupport;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>
/// axe-core (from npm, pinned in the server's ClientApp/package-lock.json) run inside the page: the WCAG 2.0/2.1 A and
/// AA rules, contrast included. Every page's browser test calls it once the page shows its data.
/// </summary>
internal static class Accessibility
{
    private static readonly Lazy<string> Axe = new(() => File.ReadAllText(Path.Combine(RepoRoot.Path,
        "src", "CareWatch.Server", "ClientApp", "node_modules", "axe-core", "axe.min.js")));

    /// <summary>Fails with each violated rule, its impact and the elements concerned.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol rather than added as a <script>: the pages' Content-Security-Policy
        // (script-src 'self') rightly refuses inline scripts.
        await page.EvaluateAsync($"() => {{ {Axe.Value}\n }}");
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, {
                runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
              });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " — " + n.failureSummary),
              })));
            }
            """);
        var violations = JsonDocument.Parse(json).RootElement;
        Assert.True(violations.GetArrayLength() == 0,
            $"axe-core found accessibility violations on {page.Url}:\n{JsonSerializer.Serialize(violations,
                new JsonSerializerOptions { WriteIndented = true })}");
    }
}
