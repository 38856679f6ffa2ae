using CognitoFunctions.Authentication;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

// The Cognito middleware, when a test asks for it (setting TestApp__CognitoMiddleware=on); without it every function
// is open, for the tests of the test host itself.
if (builder.Configuration["TestApp:CognitoMiddleware"] == "on")
{
    builder.Services.AddCognitoAuthentication(builder.Configuration);
    builder.UseCognitoAuthentication();
}

builder.Build().Run();
