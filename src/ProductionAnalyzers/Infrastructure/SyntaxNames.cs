using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>Names read from syntax alone, before any binding.</summary>
    internal static class SyntaxNames
    {
        /// <summary>The name a call is made by: <c>Name</c> of <c>x.Name(...)</c>, <c>Name&lt;T&gt;(...)</c>, <c>x?.Name(...)</c>.</summary>
        [MethodImpl(HotPath.Options)]
        public static string? InvokedName(ExpressionSyntax expression) => expression switch
        {
            SimpleNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
