namespace ProductionAnalyzers.CodeFixes
{
    internal static partial class FixKeys
    {
        /// <summary>
        /// Log the caught exception. PA3001 (empty catch) and PA3002 (exception discarded) offer the same action, so they
        /// share one key: Fix All started from either rule fixes the catches of both, and <c>dotnet format analyzers</c>,
        /// which runs Fix All with the key of whichever diagnostic it happens to see first, fixes them in every run.
        /// </summary>
        public const string Pa3001LogException = "PA3001_LogException";

        /// <summary>Rethrow the caught exception; shared by PA3001 and PA3002 like <see cref="Pa3001LogException"/>.</summary>
        public const string Pa3001Rethrow = "PA3001_Rethrow";

        /// <summary>The key of PA3002's log action: the shared <see cref="Pa3001LogException"/>.</summary>
        public const string Pa3002LogException = Pa3001LogException;

        /// <summary>The key of PA3002's rethrow action: the shared <see cref="Pa3001Rethrow"/>.</summary>
        public const string Pa3002Rethrow = Pa3001Rethrow;

        /// <summary>PA3002 only: pass the caught exception as the inner exception of the one thrown instead.</summary>
        public const string Pa3002KeepCause = "PA3002_KeepCause";
    }
}
