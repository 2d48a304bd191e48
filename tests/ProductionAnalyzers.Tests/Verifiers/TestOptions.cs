using Xunit.Sdk;

namespace ProductionAnalyzers.Tests.Verifiers;

/// <summary>Which compiler diagnostics of the test code take part in the comparison (default: <see cref="Errors"/>).</summary>
public enum CompilerDiagnostics
{
    /// <summary>Compiler diagnostics are ignored (half-typed code, bad-input tests).</summary>
    None,

    /// <summary>Any compiler error must be expected (markup <c>{|CS0103:...|}</c> or <c>DiagnosticResult.CompilerError</c>), otherwise the test fails.</summary>
    Errors,

    /// <summary>Errors and warnings.</summary>
    Warnings,

    /// <summary>Errors, warnings and info.</summary>
    Suggestions,

    /// <summary>Everything, hidden diagnostics included.</summary>
    All,
}

/// <summary>Parts of the code-fix verification that a test can skip.</summary>
[Flags]
public enum CodeFixTestBehaviors
{
    None = 0,

    /// <summary>Skip Fix All entirely.</summary>
    SkipFixAllCheck = SkipFixAllInDocumentCheck | SkipFixAllInProjectCheck | SkipFixAllInSolutionCheck,

    SkipFixAllInDocumentCheck = 1,
    SkipFixAllInProjectCheck = 2,
    SkipFixAllInSolutionCheck = 4,

    /// <summary>Apply one fix only (first iteration) instead of fixing until nothing is left.</summary>
    FixOne = 8,
}

/// <summary>Thrown when a verification fails; the message lists expected and actual facts.</summary>
public sealed class VerificationFailedException : XunitException
{
    public VerificationFailedException(string message)
        : base(message)
    {
    }

    public VerificationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
