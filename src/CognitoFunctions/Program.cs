using CognitoFunctions.Cognito;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

builder.Services.AddCognitoIdentityProvider(builder.Configuration);

builder.Build().Run();
