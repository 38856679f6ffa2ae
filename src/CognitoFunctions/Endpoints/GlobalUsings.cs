// What every endpoint slice uses: the worker's HTTP trigger model, the app's HTTP plumbing and OpenAPI metadata, the
// middleware's attributes, and status codes. Declared once here instead of at the top of each function.
global using System.Net;
global using CognitoFunctions.Authentication;
global using CognitoFunctions.Http;
global using CognitoFunctions.OpenApi;
global using Microsoft.Azure.Functions.Worker;
global using Microsoft.Azure.Functions.Worker.Http;
