using CareWatch.FirmwareSim.Cli;

// Ctrl-C and SIGTERM cancel the action's token (System.CommandLine's ProcessTerminationTimeout).
return await SimCli.Create(TimeProvider.System).Parse(args).InvokeAsync();
