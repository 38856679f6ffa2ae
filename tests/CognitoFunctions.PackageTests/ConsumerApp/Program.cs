using CognitoFunctions.Authentication;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

builder.Services.AddCognitoAuthentication(builder.Configuration);
builder.UseCognitoAuthentication();

builder.Build().Run();
