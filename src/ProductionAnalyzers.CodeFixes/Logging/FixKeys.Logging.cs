namespace ProductionAnalyzers.CodeFixes
{
    internal static partial class FixKeys
    {
        public const string Pa4001UseMessageTemplate = "PA4001_UseMessageTemplate";
        public const string Pa4002PassException = "PA4002_PassException";
        public const string Pa4003UseLogger = "PA4003_UseLogger";
    }
}
