using CareWatch.Server;
using CareWatch.Server.Accounts;

if (args is ["train-model", .. var options]) return await TrainModelCommand.RunAsync(options);
if (args is ["create-admin", .. var adminOptions]) return await CreateAdminCommand.RunAsync(adminOptions);

var app = CareWatchApplication.Create(args);
await app.RunAsync();
return 0;
