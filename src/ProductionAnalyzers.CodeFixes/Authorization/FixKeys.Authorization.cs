namespace ProductionAnalyzers.CodeFixes
{
    internal static partial class FixKeys
    {
        public const string Pa5001AuthorizeController = "PA5001_AuthorizeController";
        public const string Pa5001AllowAnonymousAction = "PA5001_AllowAnonymousAction";
        public const string Pa5002RequireAuthorization = "PA5002_RequireAuthorization";
        public const string Pa5002AllowAnonymous = "PA5002_AllowAnonymous";
        public const string Pa5003AuthorizePage = "PA5003_AuthorizePage";
        public const string Pa5003AllowAnonymousPage = "PA5003_AllowAnonymousPage";
    }
}
