using System.Text.RegularExpressions;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.Loopback;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// scripts/deploy.sh: its dry run runs nothing, deploys in the order that has no cycle (Azure, AWS, Azure again,
/// the code), passes only parameters the two templates declare and reads only outputs they have, refuses bad
/// arguments, and is what the README's "Deploying" section shows; run again on an unchanged stack, it still
/// publishes the code and waits for the app to be ready.
/// </summary>
public sealed partial class DeployScriptTests : IDisposable
{
    private const string ReadmeMarker = "<!-- deploy-dry-run -->";

    private static readonly string[] DryRun =
    [
        "--dry-run", "--resource-group", "rg-test", "--location", "westeurope", "--app-name", "cfntest",
        "--aws-account-id", "210987654321", "--aws-region", "ap-southeast-2", "--application-id-uri", "api://test-audience",
        "--cors-origin", "https://one.example.com", "--cors-origin", "http://localhost:3000",
        "--parameter", "cognitoAuthClockSkew=00:00:45",
        "--stack-parameter", "MfaConfiguration=ON", "--stack-parameter", "ThreatProtection=AUDIT",
    ];

    private readonly TemporaryFolder _stubs = new("deploy-stubs-");

    public DeployScriptTests()
    {
        // Every command the script would run is a stub that records its call, so a dry run that ran anything shows it.
        foreach (var tool in new[] { "az", "aws", "dotnet", "zip", "curl" })
        {
            WriteStub(tool, "exit 1");
        }
    }

    private string CallsLog => _stubs.File("calls.log");

    [Fact]
    public async Task A_dry_run_prints_the_plan_and_runs_nothing()
    {
        var result = await RunAsync(DryRun);

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(CallsLog), File.Exists(CallsLog) ? File.ReadAllText(CallsLog) : "");
        Assert.Contains("--parameters appName=cfntest awsAccountId=210987654321", result.Output, StringComparison.Ordinal);
        Assert.Contains("'corsAllowedOrigins=[\"https://one.example.com\",\"http://localhost:3000\"]'", result.Output, StringComparison.Ordinal);
        Assert.Contains("'AzureManagedIdentityPrincipalId=<managedIdentityPrincipalId>'", result.Output, StringComparison.Ordinal);
        Assert.Contains(" FunctionAppRoleName=cognito-functions-app MfaConfiguration=ON ThreatProtection=AUDIT\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azure_comes_first_then_the_stack_then_the_settings_from_its_outputs_then_the_code()
    {
        var lines = Commands((await RunAsync(DryRun)).Output);

        var order = new[]
        {
            lines.FindIndex(l => l.StartsWith("az deployment group create", StringComparison.Ordinal)),
            lines.FindIndex(l => l.Contains("outputs.managedIdentityPrincipalId", StringComparison.Ordinal)),
            lines.FindIndex(l => l.StartsWith("aws cloudformation deploy", StringComparison.Ordinal)),
            lines.FindIndex(l => l.Contains("OutputKey=='CognitoUserPoolId'", StringComparison.Ordinal)),
            lines.FindLastIndex(l => l.StartsWith("az deployment group create", StringComparison.Ordinal)),
            lines.FindIndex(l => l.StartsWith("dotnet publish", StringComparison.Ordinal)),
            lines.FindIndex(l => l.StartsWith("az functionapp deployment source config-zip", StringComparison.Ordinal)),
            lines.FindIndex(l => l.StartsWith("curl", StringComparison.Ordinal)),
        };
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("cognitoUserPoolId=<CognitoUserPoolId>", lines[order[4]], StringComparison.Ordinal);
        Assert.All([lines[order[0]], lines[order[4]]], l => Assert.Contains(" cognitoAuthClockSkew=00:00:45 ", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_parameter_passed_and_output_read_is_one_the_templates_declare()
    {
        var lines = Commands((await RunAsync(DryRun)).Output);
        var bicep = await AzureTemplate.CompiledAsync();
        var bicepParameters = bicep["parameters"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var bicepOutputs = bicep["outputs"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var cfn = CloudFormationYaml.Load(RepositoryLayout.AwsCognitoTemplate);
        var cfnParameters = cfn["Parameters"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var cfnOutputs = cfn["Outputs"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        var passedToBicep = lines.Where(l => l.StartsWith("az deployment group create", StringComparison.Ordinal)).SelectMany(l => Names(l, "--parameters")).ToList();
        var readFromBicep = lines.SelectMany(l => BicepOutputRead().Matches(l)).Select(m => m.Groups[1].Value).ToList();
        var passedToCfn = lines.Where(l => l.StartsWith("aws cloudformation deploy", StringComparison.Ordinal)).SelectMany(l => Names(l, "--parameter-overrides")).ToList();
        var readFromCfn = lines.SelectMany(l => CfnOutputRead().Matches(l)).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(passedToBicep);
        Assert.NotEmpty(passedToCfn);
        Assert.Equal(4, readFromBicep.Count);
        Assert.Equal(2, readFromCfn.Count);
        Assert.All(passedToBicep, name => Assert.Contains(name, bicepParameters));
        Assert.All(readFromBicep, name => Assert.Contains(name, bicepOutputs));
        Assert.All(passedToCfn, name => Assert.Contains(name, cfnParameters));
        Assert.All(readFromCfn, name => Assert.Contains(name, cfnOutputs));
    }

    [Fact]
    public async Task Deploying_again_with_an_unchanged_stack_publishes_the_code_and_waits_through_the_apps_cold_start()
    {
        // The app as it comes up after the code is published: not ready at the first health check, ready at the next.
        var health = new List<string>();
        await using var app = await LoopbackServer.StartAsync(context =>
        {
            lock (health)
            {
                health.Add(context.Request.Path);
                context.Response.StatusCode = health.Count == 1 ? 503 : 200;
            }

            return Task.CompletedTask;
        });
        WriteStub("az", $"""
            case "$*" in
              *outputs.functionAppUrl.value*) echo '{app.Address.ToString().TrimEnd('/')}' ;;
              *"deployment group show"*) echo output-value ;;
            esac
            """);
        // The AWS CLI's answer to a stack the template does not change: exit 255 unless told an empty change set is fine.
        WriteStub("aws", """
            case "$1 $2" in
              "cloudformation deploy")
                echo "No changes to deploy. Stack cognito-functions is up to date" >&2
                case " $* " in *" --no-fail-on-empty-changeset "*) exit 0 ;; *) exit 255 ;; esac ;;
              "cloudformation describe-stacks") echo stack-output ;;
            esac
            """);
        WriteStub("dotnet", """
            previous=
            for argument in "$@"; do [ "$previous" = --output ] && mkdir -p "$argument" && echo app > "$argument/app.dll"; previous=$argument; done
            """);
        WriteStub("zip", "echo zipped > \"$2\"");
        File.Delete(_stubs.File("curl"));

        var result = await RunAsync([.. DryRun.Where(a => a != "--dry-run")]);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        var calls = File.ReadAllLines(CallsLog);
        Assert.Contains(calls, c => c.StartsWith("aws cloudformation deploy", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.StartsWith("az functionapp deployment source config-zip", StringComparison.Ordinal));
        Assert.Equal(["/api/health", "/api/health"], health);
    }

    [Theory]
    [InlineData("--aws-account-id", "12345", "--aws-account-id must be 12 digits")]
    [InlineData("--app-name", "Cognito_Functions", "--app-name must be 2 to 18 lowercase letters")]
    [InlineData("--cors-origin", "https://app.example.com/path", "--cors-origin must be a scheme and host")]
    [InlineData("--role-name", "no spaces allowed", "--role-name is not a valid IAM role name")]
    [InlineData("--resource-group", null, "--resource-group is required")]
    [InlineData("--bogus", "x", "unknown argument: --bogus")]
    [InlineData("--parameter", "=45", "--parameter must be NAME=VALUE")]
    [InlineData("--parameter", "cognitoClientSecret=s3cret", "--parameter cognitoClientSecret is refused")]
    [InlineData("--parameter", "auditEmailHashKey=0123456789abcdef0123456789abcdef", "--parameter auditEmailHashKey is refused")]
    [InlineData("--stack-parameter", "mfaConfiguration=ON", "--stack-parameter must be NAME=VALUE")]
    [InlineData("--stack-parameter", "FunctionAppRoleName=other", "--stack-parameter FunctionAppRoleName is refused")]
    [InlineData("--stack-parameter", "AzureTenantId=72f988bf-86f1-41af-91ab-2d7cd011db47", "--stack-parameter AzureTenantId is refused")]
    public async Task Bad_arguments_stop_it_with_the_reason_and_the_usage(string option, string? value, string expected)
    {
        var arguments = DryRun.ToList();
        var at = arguments.IndexOf(option);
        if (at >= 0)
        {
            arguments.RemoveRange(at, 2);
        }

        if (value is not null)
        {
            arguments.AddRange([option, value]);
        }

        var result = await RunAsync([.. arguments]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("deploy: " + expected, result.Error, StringComparison.Ordinal);
        Assert.Contains("usage: bash scripts/deploy.sh", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
        Assert.False(File.Exists(CallsLog));
    }

    [Fact]
    public async Task The_readme_shows_the_dry_run_exactly_as_the_script_prints_it()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "README.md")).ReplaceLineEndings("\n");
        var marker = readme.IndexOf(ReadmeMarker, StringComparison.Ordinal);
        Assert.True(marker >= 0, $"README.md has no {ReadmeMarker} block");
        var block = readme[marker..].Split("```bash\n", 2)[1].Split("\n```", 2)[0];
        var (command, shown) = (block.Split('\n', 2)[0], block.Split('\n', 2)[1]);
        const string Prompt = "$ bash scripts/deploy.sh ";
        Assert.StartsWith(Prompt, command, StringComparison.Ordinal);

        var result = await RunAsync(command[Prompt.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(result.Output.TrimEnd('\n'), shown);
    }

    public void Dispose() => _stubs.Dispose();

    /// <summary>A stand-in for <paramref name="tool"/> on the script's PATH: it records its call, then runs <paramref name="body"/>.</summary>
    private void WriteStub(string tool, string body)
    {
        var path = _stubs.File(tool);
        File.WriteAllText(path, $"#!/bin/sh\necho {tool} \"$@\" >> \"{CallsLog}\"\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static List<string> Commands(string output) =>
        output.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    /// <summary>The NAME of each NAME=value word after the option, up to the next option.</summary>
    private static IEnumerable<string> Names(string line, string option) =>
        line.Split(option + " ", 2)[1].Split(" --", 2)[0].Split(' ').Select(w => w.Trim('\'').Split('=', 2)[0]);

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] arguments)
    {
        var start = ToolProcess.CreateStartInfo("bash", [Path.Combine("scripts", "deploy.sh"), .. arguments], RepositoryLayout.Root);
        start.Environment["PATH"] = _stubs.Path + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        var result = await ToolProcess.RunAsync(start);
        return (result.ExitCode, result.StandardOutput, result.StandardError);
    }

    [GeneratedRegex(@"properties\.outputs\.(\w+)\.value")]
    private static partial Regex BicepOutputRead();

    [GeneratedRegex(@"OutputKey=='(\w+)'")]
    private static partial Regex CfnOutputRead();
}
