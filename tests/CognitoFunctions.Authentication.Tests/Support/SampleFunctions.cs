using Microsoft.Azure.Functions.Worker;

namespace CognitoFunctions.Authentication.Tests.Support;

// Function classes whose attributes the middleware reads, as an app would declare them.

public sealed class SampleFunctions
{
    [Function(nameof(Private))]
    public static void Private()
    {
    }

    [AllowAnonymous]
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

    [AllowAnonymous]
    [RequireCognitoToken]
    [Function(nameof(Conflicting))]
    public static void Conflicting()
    {
    }

    [Function("Overloaded")]
    public static void Overload(int value) => _ = value;

    [AllowAnonymous]
    [Function("OverloadedAnonymous")]
    public static void Overload(string value) => _ = value;
}

[AllowAnonymous]
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

    [AllowAnonymous]
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
