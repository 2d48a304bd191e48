namespace ProductionAnalyzers.CodeFixes
{
    internal static partial class FixKeys
    {
        public const string Pa3001LogException = "PA3001_LogException";
        public const string Pa3001Rethrow = "PA3001_Rethrow";
        public const string Pa3002LogException = "PA3002_LogException";
        public const string Pa3002Rethrow = "PA3002_Rethrow";
        public const string Pa3002KeepCause = "PA3002_KeepCause";
    }
}
