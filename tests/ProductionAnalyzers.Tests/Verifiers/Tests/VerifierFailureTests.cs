using Microsoft.CodeAnalysis;
using Xunit;
using VerifyBad = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Tests.Verifiers.Tests.BadClassAnalyzer>;
using VerifyBreaking = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Tests.Verifiers.Tests.BadClassAnalyzer,
    ProductionAnalyzers.Tests.Verifiers.Tests.BreakingFix>;
using VerifyFix = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Tests.Verifiers.Tests.BadClassAnalyzer,
    ProductionAnalyzers.Tests.Verifiers.Tests.RenameBadClassFix>;
using VerifyFixAll = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Tests.Verifiers.Tests.BadClassAnalyzer,
    ProductionAnalyzers.Tests.Verifiers.Tests.DifferentFixAllFix>;
using VerifyLooping = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Tests.Verifiers.Tests.BadClassAnalyzer,
    ProductionAnalyzers.Tests.Verifiers.Tests.LoopingFix>;
using VerifyNoLocation = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Tests.Verifiers.Tests.NoLocationAnalyzer>;
using VerifyNoOp = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Tests.Verifiers.Tests.BadClassAnalyzer,
    ProductionAnalyzers.Tests.Verifiers.Tests.NoOpFix>;
using VerifyThrowing = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Tests.Verifiers.Tests.ThrowingAnalyzer>;
using VerifyThrowingFix = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Tests.Verifiers.Tests.BadClassAnalyzer,
    ProductionAnalyzers.Tests.Verifiers.Tests.ThrowingFix>;

namespace ProductionAnalyzers.Tests.Verifiers.Tests;

/// <summary>The verifier must fail, readably, on every kind of mismatch (SC DiagnosticVerifierTests idea).</summary>
public class VerifierFailureTests
{
    private static async Task<string> FailureOf(Func<Task> verification)
    {
        var exception = await Assert.ThrowsAsync<VerificationFailedException>(verification);
        return exception.Message;
    }

    [Fact]
    public async Task MissingDiagnostic_Fails()
    {
        var message = await FailureOf(() => VerifyBad.VerifyAnalyzerAsync("public class [|Fine|] { }"));
        Assert.Contains("Expected but not reported (1)", message);
        Assert.Contains("PT0001 Warning /0/Test0.cs(1,14)-(1,18)", message);
        Assert.Contains("1 | public class Fine { }", message);
        Assert.Contains("(none)", message);
    }

    [Fact]
    public async Task UnexpectedDiagnostic_Fails()
    {
        var message = await FailureOf(() => VerifyBad.VerifyAnalyzerAsync("public class Fine { }\npublic class Bad { }"));
        Assert.Contains("Reported but not expected (1)", message);
        Assert.Contains("PT0001 Warning /0/Test0.cs(2,14)-(2,17): \"Class 'Bad' is bad\"", message);
        Assert.Contains("Diagnostic(\"PT0001\").WithSpan(\"/0/Test0.cs\", 2, 14, 2, 17)", message);
        Assert.Contains("^^^", message);
    }

    [Fact]
    public async Task WrongSpan_Fails()
    {
        var message = await FailureOf(() => VerifyBad.VerifyAnalyzerAsync("public class Bad { }", VerifyBad.Diagnostic().WithSpan(1, 13, 1, 17)));
        Assert.Contains("span: expected /0/Test0.cs(1,13)-(1,17), actual /0/Test0.cs(1,14)-(1,17)", message);
    }

    [Fact]
    public async Task WrongLine_Fails()
    {
        var message = await FailureOf(() => VerifyBad.VerifyAnalyzerAsync("public class Bad { }", VerifyBad.Diagnostic().WithLocation(2, 14)));
        Assert.Contains("span: expected /0/Test0.cs(2,14), actual /0/Test0.cs(1,14)-(1,17)", message);
    }

    [Fact]
    public async Task WrongFile_Fails()
    {
        var message = await FailureOf(() => new VerifyBad.Test
        {
            TestState =
            {
                Sources = { "public class Fine { }", "public class Bad { }" },
                ExpectedDiagnostics = { VerifyBad.Diagnostic().WithSpan("/0/Test0.cs", 1, 14, 1, 17) },
            },
        }.RunAsync());
        Assert.Contains("span: expected /0/Test0.cs(1,14)-(1,17), actual /0/Test1.cs(1,14)-(1,17)", message);
    }

    [Fact]
    public async Task WrongId_Fails()
    {
        var message = await FailureOf(() => VerifyBad.VerifyAnalyzerAsync("public class {|PT0009:Bad|} { }"));
        Assert.Contains("ID: expected PT0009, actual PT0001", message);
    }

    [Fact]
    public async Task WrongSeverity_Fails()
    {
        var message = await FailureOf(() => VerifyBad.VerifyAnalyzerAsync(
            "public class {|#0:Bad|} { }", VerifyBad.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error)));
        Assert.Contains("severity: expected Error, actual Warning", message);
    }

    [Fact]
    public async Task WrongArguments_Fail()
    {
        var message = await FailureOf(() => VerifyBad.VerifyAnalyzerAsync(
            "public class {|#0:Bad|} { }", VerifyBad.Diagnostic().WithLocation(0).WithArguments("Good")));
        Assert.Contains("message: expected \"Class 'Good' is bad\", actual \"Class 'Bad' is bad\"", message);
    }

    [Fact]
    public async Task WrongMessage_Fails()
    {
        var message = await FailureOf(() => VerifyBad.VerifyAnalyzerAsync(
            "public class {|#0:Bad|} { }", VerifyBad.Diagnostic().WithLocation(0).WithMessage("Something else")));
        Assert.Contains("message: expected \"Something else\", actual \"Class 'Bad' is bad\"", message);
    }

    [Fact]
    public async Task NoLocationGiven_Fails()
    {
        var message = await FailureOf(() => VerifyBad.VerifyAnalyzerAsync("public class Bad { }", VerifyBad.Diagnostic()));
        Assert.Contains("location: expected none (no location was given", message);
    }

    [Fact]
    public async Task LocationExpectedButDiagnosticHasNone_Fails()
    {
        var message = await FailureOf(() => VerifyNoLocation.VerifyAnalyzerAsync("public class Bad { }", VerifyNoLocation.Diagnostic().WithLocation(1, 14)));
        Assert.Contains("span: expected /0/Test0.cs(1,14), actual <no location>", message);
        Assert.Contains("Diagnostic(\"PT0006\").WithNoLocation()", message);
    }

    [Fact]
    public async Task CompilerErrorInTestCode_Fails()
    {
        var message = await FailureOf(() => VerifyBad.VerifyAnalyzerAsync("public class [|Bad|] { void M() => undefined(); }"));
        Assert.Contains("CS0103 Error /0/Test0.cs(1,32)-(1,41)", message);
        Assert.Contains("the test code does not compile", message);
    }

    [Fact]
    public async Task AnalyzerException_AD0001_Fails()
    {
        var message = await FailureOf(() => VerifyThrowing.VerifyAnalyzerAsync("public class C { }"));
        Assert.Contains("AD0001", message);
        Assert.Contains("analyzer exploded", message);
        Assert.Contains("ThrowingAnalyzer", message);
    }

    [Fact]
    public async Task AnalyzerException_FailsEvenWithCompilerDiagnosticsNone()
    {
        var message = await FailureOf(() => new VerifyThrowing.Test { TestCode = "class C { void M( }", CompilerDiagnostics = CompilerDiagnostics.None }.RunAsync());
        Assert.Contains("analyzer exploded", message);
    }

    [Fact]
    public async Task CodeFixException_Fails()
    {
        var message = await FailureOf(() => VerifyThrowingFix.VerifyCodeFixAsync("public class [|Bad|] { }", "public class Good { }"));
        Assert.Contains("ThrowingFix", message);
        Assert.Contains("NotSupportedException", message);
        Assert.Contains("fix exploded", message);
    }

    [Fact]
    public async Task FixedCodeDiffers_Fails()
    {
        var message = await FailureOf(() => VerifyFix.VerifyCodeFixAsync(
            "public class [|Bad|] { }\n// unchanged line",
            "public class Better { }\n// unchanged line"));
        Assert.Contains("Code fix result: /0/Test0.cs differs from the expected fixed code", message);
        Assert.Contains("-    1 | public class Better { }", message);
        Assert.Contains("+    1 | public class Good { }", message);
    }

    [Fact]
    public async Task FixedCodeDoesNotCompile_Fails()
    {
        var message = await FailureOf(() => VerifyBreaking.VerifyCodeFixAsync("public class [|Bad|] { }", "public class Good : Missing { }"));
        Assert.Contains("the fixed code does not compile", message);
        Assert.Contains("CS0246", message);
        Assert.Contains("Missing", message);
    }

    [Fact]
    public async Task FixedCodeDoesNotCompile_FailsEvenWithCompilerDiagnosticsNone()
    {
        var message = await FailureOf(() => new VerifyBreaking.Test
        {
            TestCode = "public class [|Bad|] { }",
            FixedCode = "public class Good : Missing { }",
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync());
        Assert.Contains("the fixed code does not compile", message);
    }

    [Fact]
    public async Task FixAllResultDiffers_Fails()
    {
        var message = await FailureOf(() => VerifyFixAll.VerifyCodeFixAsync(
            "public class [|BadOne|] { }\npublic class [|BadTwo|] { }",
            "public class GoodOne { }\npublic class GoodTwo { }"));
        Assert.Contains("Fix All (Document scope) result: /0/Test0.cs differs", message);
        Assert.Contains("AllGood0", message);
    }

    [Fact]
    public async Task FixAllResultDiffers_InProjectScope_Fails()
    {
        var message = await FailureOf(() => new VerifyFixAll.Test
        {
            TestCode = "public class [|BadOne|] { }\npublic class [|BadTwo|] { }",
            FixedCode = "public class GoodOne { }\npublic class GoodTwo { }",
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck,
        }.RunAsync());
        Assert.Contains("Fix All (Project scope) result", message);
    }

    [Fact]
    public async Task RemainingDiagnosticNotMarkedInFixedCode_Fails()
    {
        var message = await FailureOf(() => VerifyFix.VerifyCodeFixAsync(
            "public class [|Bad|] { }\npublic class [|BadKeep|] { }",
            "public class Good { }\npublic class BadKeep { }"));
        Assert.Contains("Code fix result: diagnostics of BadClassAnalyzer do not match", message);
        Assert.Contains("Reported but not expected (1)", message);
        Assert.Contains("BadKeep", message);
    }

    [Fact]
    public async Task FixOfferedWhenNoneExpected_Fails()
    {
        var message = await FailureOf(() => VerifyFix.VerifyCodeFixAsync("public class [|Bad|] { }", "public class [|Bad|] { }"));
        Assert.Contains("Expected no code fix", message);
        Assert.Contains("'Rename to Good' (key PT0001_Rename)", message);
    }

    [Fact]
    public async Task NoFixOfferedWhenOneExpected_Fails()
    {
        var message = await FailureOf(() => VerifyFix.VerifyCodeFixAsync("public class [|BadKeep|] { }", "public class GoodKeep { }"));
        Assert.Contains("Expected a code fix", message);
        Assert.Contains("offered none", message);
    }

    [Fact]
    public async Task UnknownEquivalenceKey_Fails()
    {
        var message = await FailureOf(() => new VerifyFix.Test
        {
            TestCode = "public class [|Bad|] { }",
            FixedCode = "public class Good { }",
            CodeActionEquivalenceKey = "PT0001_DoesNotExist",
        }.RunAsync());
        Assert.Contains("offered none with equivalence key 'PT0001_DoesNotExist'", message);
    }

    [Fact]
    public async Task CodeActionIndexOutOfRange_Fails()
    {
        var message = await FailureOf(() => new VerifyFix.Test
        {
            TestCode = "public class [|Bad|] { }",
            FixedCode = "public class Good { }",
            CodeActionIndex = 5,
        }.RunAsync());
        Assert.Contains("CodeActionIndex 5 is out of range", message);
    }

    [Fact]
    public async Task NonConvergingFix_Fails()
    {
        var message = await FailureOf(() => VerifyLooping.VerifyCodeFixAsync("public class [|Bad|] { }", "public class BadX { }"));
        Assert.Contains("did not converge", message);
        Assert.Contains("NumberOfIncrementalIterations", message);
    }

    [Fact]
    public async Task FixThatChangesNothing_Fails()
    {
        var message = await FailureOf(() => VerifyNoOp.VerifyCodeFixAsync("public class [|Bad|] { }", "public class Good { }"));
        Assert.Contains("changed nothing", message);
    }

    [Fact]
    public async Task ExactIterationCount_Mismatch_Fails()
    {
        var message = await FailureOf(() => new VerifyFix.Test
        {
            TestCode = "public class [|BadA|] { }",
            FixedCode = "public class GoodA { }",
            NumberOfIncrementalIterations = 2,
        }.RunAsync());
        Assert.Contains("Expected exactly 2 code fix iteration(s), but 1 were applied", message);
    }

    [Theory]
    [InlineData("public class [|Bad { }", "'[|' is never closed", "(1,14)")]
    [InlineData("public class Bad|] { }", "'|]' closes nothing", "(1,17)")]
    [InlineData("public class {|PT0001:Bad|] { }", "does not match the '{|PT0001:' opened at (1,14)", "(1,26)")]
    [InlineData("public class {|Bad|} { }", "must be followed by a name and ':'", "(1,14)")]
    [InlineData("public class\n  {|#0:Bad { }", "'{|#0:' is never closed", "(2,3)")]
    public async Task MalformedMarkup_Fails(string source, string expected, string position)
    {
        var message = await FailureOf(() => VerifyBad.VerifyAnalyzerAsync(source));
        Assert.Contains("Markup error in /0/Test0.cs", message);
        Assert.Contains(expected, message);
        Assert.Contains(position, message);
    }

    [Fact]
    public async Task MissingMarkupLocation_Fails()
    {
        var message = await FailureOf(() => VerifyBad.VerifyAnalyzerAsync("public class [|Bad|] { }", VerifyBad.Diagnostic().WithLocation(3)));
        Assert.Contains("refers to markup location {|#3:...|}", message);
    }

    [Fact]
    public async Task DuplicateMarkupLocation_Fails()
    {
        var message = await FailureOf(() => VerifyBad.VerifyAnalyzerAsync("public class {|#0:Bad|} { {|#0:|} }", VerifyBad.Diagnostic().WithLocation(0)));
        Assert.Contains("{|#0:|} is defined twice", message);
    }

    [Fact]
    public async Task NoSource_Fails()
    {
        var message = await FailureOf(() => new VerifyBad.Test().RunAsync());
        Assert.Contains("no source file", message);
    }
}
