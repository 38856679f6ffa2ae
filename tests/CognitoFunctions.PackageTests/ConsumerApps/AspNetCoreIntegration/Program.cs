using CognitoFunctions.Authentication;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// After ConfigureFunctionsWebApplication(), so that the middleware reads the request ASP.NET Core received.
builder.Services.AddCognitoAuthentication(builder.Configuration);
builder.UseCognitoAuthentication();

builder.Build().Run();
