namespace Orders.Tests.Fixtures;

// Fixtures of an integration-test project. Made-up credentials in tests are still credentials to the rule; teams turn
// the family off for tests/** in .editorconfig when they choose to (see docs/rules/PA2001.md).
public static class TestUsers
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = {|PA2001:"T3st-Adm1n-Pw!"|};
    public const string PasswordFieldLabel = "Password";
    public const string InvalidPasswordMessage = "Password must be at least 12 characters";
    public const string ExpiredToken = "expired";
    public const string Placeholder = "<password>";
}

public static class TestContainers
{
    public const string Postgres = {|PA2003:"Host=127.0.0.1;Port=55432;Database=orders_test;Username=postgres;Password=Tc9!pg4Lx2"|};
    public const string SqlServer = "Server=localhost,14333;Database=orders_test;Integrated Security=true";
}
