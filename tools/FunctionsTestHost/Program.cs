using CognitoFunctions.Testing.FunctionsHost;

return await ConsoleHost.RunAsync(args);
