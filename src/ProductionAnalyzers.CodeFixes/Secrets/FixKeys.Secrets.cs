namespace ProductionAnalyzers.CodeFixes
{
    internal static partial class FixKeys
    {
        public const string Pa2001ReadFromConfiguration = "PA2001_ReadFromConfiguration";
        public const string Pa2003ReadFromConfiguration = "PA2003_ReadFromConfiguration";
    }
}
