using System.Globalization;
using CareWatch.Evaluation.Cli;
using CareWatch.Evaluation.Method;

// Entry point of ops/eval.sh: parse, run, report. The command line is echoed into the report so it reproduces.
// Figures are written with "." decimals whatever the machine locale, so reports diff cleanly.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var command = "ops/eval.sh" + (args.Length > 0 ? " " + string.Join(' ', args) : "");
var runner = new EvalRunner(Console.Out, Console.Error, command, LearnedModel.Hook);
return EvalCli.Create(runner.Run).Parse(args).Invoke();
