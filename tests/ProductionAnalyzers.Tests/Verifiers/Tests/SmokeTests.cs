using Microsoft.CodeAnalysis;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Tests.Verifiers.Tests.BadClassAnalyzer,
    ProductionAnalyzers.Tests.Verifiers.Tests.RenameBadClassFix>;

namespace ProductionAnalyzers.Tests.Verifiers.Tests;

public class SmokeTests
{
    [Fact]
    public async Task Markup_Passes() =>
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.Data.SqlClient;
            using Dapper;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;
            public class [|Bad|] { }
            public class {|#0:Bad2|} { SqlCommand c = new SqlCommand("x"); }
            """, Verify.Diagnostic().WithLocation(0).WithArguments("Bad2"));

    [Fact]
    public async Task Fix_Passes() =>
        await Verify.VerifyCodeFixAsync("""
            public class [|BadOne|] { }
            public class [|BadTwo|] { }
            """, """
            public class GoodOne { }
            public class GoodTwo { }
            """);
}
