using CognitoFunctions.Cognito;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

builder.Services.AddCognitoOptions(builder.Configuration);

builder.Build().Run();
