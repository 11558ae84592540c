using CareWatch.Server;

if (args is ["train-model", .. var options]) return await TrainModelCommand.RunAsync(options);

var app = CareWatchApplication.Create(args);
await app.RunAsync();
return 0;
