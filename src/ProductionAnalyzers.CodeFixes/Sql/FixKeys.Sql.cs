namespace ProductionAnalyzers.CodeFixes
{
    internal static partial class FixKeys
    {
        /// <summary>PA1001: move the values into SQL parameters (EF Core FormattableString API, Dapper param object, ADO.NET parameters).</summary>
        public const string Pa1001Parameterize = "PA1001_Parameterize";
    }
}
