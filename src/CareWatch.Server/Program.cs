using CareWatch.Server;

var app = CareWatchApplication.Create(args);
await app.RunAsync();
