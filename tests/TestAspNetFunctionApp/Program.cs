using CognitoFunctions.Authentication;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

// Where the Cognito middleware goes, so that tests can try both orders (setting TestApp__CognitoMiddleware): "after"
// ConfigureFunctionsWebApplication(), as the package documents; "before" it, which the package refuses at start-up; or
// nowhere (unset), for the tests of the test host itself.
var cognito = builder.Configuration["TestApp:CognitoMiddleware"];
if (cognito == "before")
{
    UseCognito(builder);
}

builder.ConfigureFunctionsWebApplication();
if (cognito == "after")
{
    UseCognito(builder);
}

builder.Build().Run();

static void UseCognito(FunctionsApplicationBuilder builder)
{
    builder.Services.AddCognitoAuthentication(builder.Configuration);
    builder.UseCognitoAuthentication();
}
