using Microsoft.Azure.Functions.Worker;

namespace CognitoFunctions.Authentication.Tests.Support;

// Function classes whose attributes the middleware reads, as an app would declare them.

public sealed class SampleFunctions
{
    [Function(nameof(Private))]
    public static void Private()
    {
    }

    [CognitoAllowAnonymous]
    [Function(nameof(Login))]
    public static void Login()
    {
    }

    [RequireCognitoToken(TokenUse = CognitoTokenUse.Access)]
    [Function(nameof(AccessOnly))]
    public static void AccessOnly()
    {
    }

    [RequireCognitoToken(TokenUse = CognitoTokenUse.Id)]
    [Function(nameof(IdOnly))]
    public static void IdOnly()
    {
    }

    [RequireCognitoToken(Groups = ["admins", "owners"])]
    [Function(nameof(Admins))]
    public static void Admins()
    {
    }

    [RequireCognitoToken(Scopes = ["orders/write", "orders/admin"])]
    [Function(nameof(WriteOrders))]
    public static void WriteOrders()
    {
    }

    [RequireCognitoToken(TokenUse = CognitoTokenUse.Access)]
    [RequireCognitoToken(Groups = ["admins"])]
    [Function(nameof(AdminsWithAccessToken))]
    public static void AdminsWithAccessToken()
    {
    }

    [RequireCognitoToken(TokenUse = CognitoTokenUse.Access, Groups = ["admins", "editors"], Scopes = ["orders/write", "orders/read"])]
    [Function(nameof(EditOrders))]
    public static void EditOrders()
    {
    }

    [RequireCognitoToken(CheckRevocation = true)]
    [Function(nameof(RevocationChecked))]
    public static void RevocationChecked()
    {
    }

    [RequireCognitoToken(TokenUse = CognitoTokenUse.Id, CheckRevocation = true)]
    [Function(nameof(RevocationCheckedAskingForId))]
    public static void RevocationCheckedAskingForId()
    {
    }

    [CognitoAllowAnonymous]
    [RequireCognitoToken]
    [Function(nameof(Conflicting))]
    public static void Conflicting()
    {
    }

    [Microsoft.AspNetCore.Authorization.AllowAnonymous]
    [Function(nameof(FrameworkAnonymous))]
    public static void FrameworkAnonymous()
    {
    }

    [Function("Overloaded")]
    public static void Overload(int value) => _ = value;

    [CognitoAllowAnonymous]
    [Function("OverloadedAnonymous")]
    public static void Overload(string value) => _ = value;
}

[CognitoAllowAnonymous]
public sealed class AnonymousFunctions
{
    [Function(nameof(Open))]
    public static void Open()
    {
    }

    [RequireCognitoToken]
    [Function(nameof(Closed))]
    public static void Closed()
    {
    }
}

[RequireCognitoToken(Groups = ["editors"])]
public class EditorFunctions
{
    [Function(nameof(Edit))]
    public static void Edit()
    {
    }

    [RequireCognitoToken(TokenUse = CognitoTokenUse.Id)]
    [Function(nameof(EditWithIdToken))]
    public static void EditWithIdToken()
    {
    }

    [CognitoAllowAnonymous]
    [Function(nameof(Preview))]
    public static void Preview()
    {
    }
}

/// <summary>Inherits its base class's requirement.</summary>
public sealed class DerivedEditorFunctions : EditorFunctions
{
    [Function(nameof(Publish))]
    public static void Publish()
    {
    }
}

/// <summary>
/// Marked with ASP.NET Core's own attributes, as an integration app would (this test project has the framework through
/// the token kit's loopback server; the package itself does not reference it).
/// </summary>
public sealed class FrameworkMarkedFunctions
{
    [Microsoft.AspNetCore.Authorization.AllowAnonymous]
    [Function(nameof(Open))]
    public static void Open()
    {
    }

    [OpenToAll]
    [Function(nameof(OpenByInterface))]
    public static void OpenByInterface()
    {
    }

    [Microsoft.AspNetCore.Authorization.AllowAnonymous]
    [RequireCognitoToken]
    [Function(nameof(Conflicting))]
    public static void Conflicting()
    {
    }
}

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class FrameworkAnonymousFunctions
{
    [Function(nameof(Open))]
    public static void Open()
    {
    }

    [RequireCognitoToken(Groups = ["admins"])]
    [Function(nameof(Closed))]
    public static void Closed()
    {
    }
}

/// <summary>An app's own anonymous marker, implementing the framework's marker interface.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenToAllAttribute : Attribute, Microsoft.AspNetCore.Authorization.IAllowAnonymous
{
}
