using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.FunctionsHost;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.FunctionalTests.TestHost;

/// <summary>
/// The real host refuses to load an HTTP function whose route starts with <c>admin</c> or <c>runtime</c> (its own
/// routes), logs it as in error, answers 404 for it and serves the others: the test host does the same, and no app
/// of this repository declares such a route.
/// </summary>
public sealed class BuiltInRouteTests(ITestOutputHelper output)
{
    private const string Message = "The specified route conflicts with one or more built in routes.";

    // tests/TestFunctionApp's functions on the host's routes (BuiltInRouteFunctions), and where each would be served.
    private static readonly (string Name, string Path)[] RefusedInTestApp =
    [
        ("AdminRoute", "/api/admin/things"),
        ("AdministratorsByName", "/api/AdministratorsByName"),
        ("RuntimeRoute", "/api/Runtime/status"),
    ];

    // The apps whose build output the test project has; the package consumer app is checked by the package tests.
    private static readonly string[] AppProjects =
        ["src/CognitoFunctions", "benchmarks/BenchFunctionApp", "benchmarks/BenchAspNetFunctionApp", "tests/TestFunctionApp", "tests/TestAspNetFunctionApp"];

    [Theory]
    [InlineData("admin/users", true)]
    [InlineData("admin", true)]
    [InlineData("/admin/users/", true)]
    [InlineData("Admin/Users", true)]
    [InlineData("ADMINISTRATORS", true)]
    [InlineData("adminx", true)]
    [InlineData("runtime/webhooks", true)]
    [InlineData("runtimes", true)]
    [InlineData("//runtime", true)]
    [InlineData("users", false)]
    [InlineData("api/admin/users", false)]
    [InlineData("users/admin", false)]
    [InlineData("the-admin", false)]
    [InlineData(" admin", false)]
    public void The_rule_is_the_hosts_a_prefix_of_the_route_without_slashes_in_any_case(string route, bool refused)
    {
        Assert.Equal(refused, BuiltInRoutes.Conflicts(route, "Function"));
    }

    [Theory]
    [InlineData(null, "AdminListUsers", true)]
    [InlineData("  ", "RuntimeInfo", true)]
    [InlineData(null, "ListUsers", false)]
    [InlineData("users", "AdminListUsers", false)]
    public void A_function_without_a_route_is_judged_by_its_name(string? route, string name, bool refused)
    {
        Assert.Equal(refused, BuiltInRoutes.Conflicts(route, name));
    }

    [Fact]
    public async Task A_function_on_the_hosts_routes_is_in_error_with_the_hosts_message_answers_404_and_the_others_are_served()
    {
        var log = new ConcurrentQueue<string>();
        var options = new FunctionsTestHostOptions
        {
            AppDirectory = FunctionAppBuildOutput.Locate("tests/TestFunctionApp", typeof(BuiltInRouteTests).Assembly),
            Log = line =>
            {
                log.Enqueue(line);
                output.WriteLine(line);
            },
        };
        await using var host = await FunctionsTestHost.StartAsync(options);
        using var client = host.CreateClient();

        Assert.Equal(RefusedInTestApp.Select(f => f.Name), host.Handshake.FunctionErrors.Keys.Order(StringComparer.Ordinal));
        Assert.All(host.Handshake.FunctionErrors.Values, error => Assert.Equal(Message, error));
        Assert.All(RefusedInTestApp, f => Assert.Contains($"[host] The '{f.Name}' function is in error: {Message}", log));
        Assert.DoesNotContain(host.Handshake.Functions, f => RefusedInTestApp.Any(r => r.Name == f.Name));
        foreach (var (_, path) in RefusedInTestApp)
        {
            using var refused = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Empty(await refused.Content.ReadAsByteArrayAsync());
        }

        // Served beside them: "admin" further down a route, and the app's other functions.
        using var lookAlike = await client.GetAsync("/api/things/admin");
        using var other = await client.GetAsync("/api/things");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (lookAlike.StatusCode, other.StatusCode));
        Assert.Contains(host.Handshake.Functions, f => f.Name == "ThingsAdmin");
    }

    [Fact]
    public void No_app_in_the_repository_declares_a_route_the_real_host_refuses_beside_the_test_apps_deliberate_ones()
    {
        var refused = AppProjects
            .SelectMany(project => HttpRoutes(project).Where(f => BuiltInRoutes.Conflicts(f.Route, f.Name)).Select(f => $"{project}: {f.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(RefusedInTestApp.Select(f => $"tests/TestFunctionApp: {f.Name}"), refused);
        Assert.All(AppProjects, project => Assert.NotEmpty(HttpRoutes(project)));
    }

    /// <summary>The HTTP functions of an app as the worker indexed them (functions.metadata): name and declared route.</summary>
    private static List<(string Name, string? Route)> HttpRoutes(string project)
    {
        var metadata = Path.Combine(FunctionAppBuildOutput.Locate(project, typeof(BuiltInRouteTests).Assembly), "functions.metadata");
        return JsonNode.Parse(File.ReadAllText(metadata))!.AsArray()
            .Select(f => (Name: f!["name"]!.GetValue<string>(), Trigger: f["bindings"]!.AsArray().SingleOrDefault(b => b!["type"]!.GetValue<string>() == "httpTrigger")))
            .Where(f => f.Trigger is not null)
            .Select(f => (f.Name, f.Trigger!["route"]?.GetValue<string>()))
            .ToList();
    }
}
