namespace CognitoFunctions.LocalRun.Tests;

public sealed class LocalRunOptionsTests
{
    [Fact]
    public void Without_arguments_the_run_uses_the_default_ports_and_data_directory()
    {
        Assert.True(LocalRunOptions.TryParse([], out var options, out _));

        Assert.Equal(7071, options.AppPort);
        Assert.Equal(9229, options.CognitoPort);
        Assert.Null(options.DataDirectory);
        Assert.False(options.Temporary);
        Assert.Empty(options.Admins);
        Assert.Null(options.AppDirectory);
    }

    [Fact]
    public void Every_option_is_read()
    {
        Assert.True(LocalRunOptions.TryParse(
            ["--port", "8080", "--cognito-port", "0", "--data-dir", "some/data-dir", "--reset", "--test-host", "--admin", "a@example.com", "--admin", "b@example.com", "--app", "other/bin/Debug/net10.0"],
            out var options, out _));

        Assert.Equal(8080, options.AppPort);
        Assert.Equal(0, options.CognitoPort);
        Assert.Equal("some/data-dir", options.DataDirectory);
        Assert.True(options.Reset);
        Assert.True(options.ForceTestHost);
        Assert.Equal(["a@example.com", "b@example.com"], options.Admins);
        Assert.Equal("other/bin/Debug/net10.0", options.AppDirectory);
    }

    [Fact]
    public void A_temporary_run_takes_free_ports_unless_told_otherwise()
    {
        Assert.True(LocalRunOptions.TryParse(["--temp"], out var free, out _));
        Assert.True(LocalRunOptions.TryParse(["--temp", "--port", "7075"], out var given, out _));

        Assert.Equal((0, 0), (free.AppPort, free.CognitoPort));
        Assert.Equal((7075, 0), (given.AppPort, given.CognitoPort));
    }

    [Theory]
    [InlineData("unknown argument '--bogus'", "--bogus")]
    [InlineData("--port needs a port number", "--port")]
    [InlineData("--port needs a port number", "--port", "65536")]
    [InlineData("--cognito-port needs a port number", "--cognito-port", "-1")]
    [InlineData("--data-dir needs a directory", "--data-dir", "--reset")]
    [InlineData("--admin needs the email address", "--admin", "not-an-email")]
    [InlineData("--app needs a directory", "--app")]
    [InlineData("--app needs a directory", "--app", "--temp")]
    [InlineData("does not combine with --data-dir", "--temp", "--data-dir", "x")]
    [InlineData("does not combine with --data-dir or --reset", "--temp", "--reset")]
    public void Wrong_arguments_are_refused_with_the_reason(string reason, params string[] args)
    {
        Assert.False(LocalRunOptions.TryParse(args, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_wins_over_everything_else()
    {
        Assert.True(LocalRunOptions.TryParse(["--port", "1", "--help", "--bogus"], out var options, out _));
        Assert.True(options.Help);
    }

    [Fact]
    public void Telemetry_options_set_the_app_settings_of_the_run_over_local_settings()
    {
        Assert.True(LocalRunOptions.TryParse(["--telemetry", "console", "--otlp", "http://127.0.0.1:4318"], out var options, out _));
        Assert.True(LocalRunOptions.TryParse([], out var quiet, out _));
        var values = new Dictionary<string, string> { ["Telemetry__Console"] = "false", ["Cognito__ClientId"] = "client" };

        var settings = options.AppSettings(values);

        Assert.Equal("true", settings["Telemetry__Console"]);
        Assert.Equal("http://127.0.0.1:4318/", settings["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", settings["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("client", settings["Cognito__ClientId"]);
        Assert.Equal(values, quiet.AppSettings(values));
    }

    [Theory]
    [InlineData("--telemetry", "otlp", "--telemetry takes one value: console.")]
    [InlineData("--otlp", "127.0.0.1:4318", "--otlp needs the http:// or https:// address of an OTLP/HTTP collector, e.g. http://127.0.0.1:4318.")]
    [InlineData("--otlp", "--temp", "--otlp needs the http:// or https:// address of an OTLP/HTTP collector, e.g. http://127.0.0.1:4318.")]
    public void A_telemetry_option_with_a_wrong_value_is_refused(string option, string value, string expected)
    {
        Assert.False(LocalRunOptions.TryParse([option, value], out _, out var error));

        Assert.Equal(expected, error);
    }
}
