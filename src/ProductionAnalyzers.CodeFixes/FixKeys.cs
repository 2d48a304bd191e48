namespace ProductionAnalyzers.CodeFixes
{
    /// <summary>
    /// Equivalence keys of every code action, <c>PA####_&lt;Action&gt;</c>. Fix All groups actions by these keys,
    /// so they never change once shipped. Each family adds its keys here.
    /// </summary>
    internal static partial class FixKeys
    {
    }
}
