using CognitoFunctions.LocalRun;

return await LocalRunCommand.RunAsync(args);
