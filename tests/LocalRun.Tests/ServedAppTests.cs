using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.LocalRun.Tests;

public sealed class ServedAppTests : IDisposable
{
    private readonly TemporaryFolder _directory = new("served-app-");

    [Fact]
    public void By_default_the_run_serves_CognitoFunctions_from_its_project_folder_ready_when_its_health_check_answers_200()
    {
        var app = ServedApp.Default;

        Assert.Equal("CognitoFunctions", app.Name);
        Assert.Equal(Path.Combine(RepositoryLayout.Root, "src", "CognitoFunctions"), app.FuncDirectory);
        Assert.Equal(app.FuncDirectory, app.SettingsDirectory);
        Assert.Equal(ReadinessProbe.AppHealth, app.Readiness);
        Assert.Equal(FunctionAppBuildOutput.Locate("src/CognitoFunctions", typeof(ServedAppTests).Assembly), app.BuildOutput);
    }

    [Fact]
    public void Another_app_is_served_from_its_build_output_named_after_its_assembly_ready_when_the_host_answers()
    {
        var output = FunctionAppBuildOutput.Locate("tests/TestAspNetFunctionApp", typeof(ServedAppTests).Assembly);

        var app = ServedApp.FromBuildOutput(output);

        Assert.Equal("TestAspNetFunctionApp", app.Name);
        Assert.Equal((output, output, output), (app.BuildOutput, app.FuncDirectory, app.SettingsDirectory));
        Assert.Equal(ReadinessProbe.HostAnswers, app.Readiness);
    }

    [Fact]
    public void A_project_folder_is_refused_with_the_build_output_to_give_instead()
    {
        File.WriteAllText(_directory.File("OtherApp.csproj"), "<Project />");

        var error = Assert.Throws<LocalRunException>(() => ServedApp.FromBuildOutput(_directory.Path));

        Assert.Contains("holds no worker.config.json", error.Message, StringComparison.Ordinal);
        Assert.Contains($"It is a project folder: build it (dotnet build) and give its output, e.g. {Path.Combine(_directory.Path, "bin", "Debug", "net10.0")}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_refused()
    {
        var error = Assert.Throws<LocalRunException>(() => ServedApp.FromBuildOutput(_directory.File("missing")));

        Assert.Contains("is not a function app's build output", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
