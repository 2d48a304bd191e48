using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;
using ProductionAnalyzers.Tests.Verifiers;
using Xunit;

namespace ProductionAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// The per-call caches key method definitions and assemblies by reference: that holds only while the compiler hands out
    /// one object per definition, whatever call site (generic, extension, another file) it is reached from.
    /// </summary>
    public class SameInstanceTests
    {
        [Fact]
        public void EveryCallOfAMethod_LeadsToOneDefinitionAndOneAssemblyObject()
        {
            var first = CSharpSyntaxTree.ParseText(@"
using System.Collections.Generic;
using System.Linq;
public static class Names
{
    public static string Join<T>(IEnumerable<T> items) => string.Join("","", items.Select(i => i!.ToString()));
    public static string Upper(this string text) => text.ToUpperInvariant();
}
public sealed class A { public string Run(List<int> ids) => Names.Join(ids).Upper() + ids.Select(i => i + 1).Count(); }");
            var second = CSharpSyntaxTree.ParseText(@"
using System.Collections.Generic;
using System.Linq;
public sealed class B { public string Run(string[] names) => Names.Join(names).Upper() + names.Select(n => n.Length).Count(); }");
            var compilation = CSharpCompilation.Create("Calls", new[] { first, second }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

            var calls = new[] { first, second }
                .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
                    .Select(node => (IInvocationOperation)compilation.GetSemanticModel(tree).GetOperation(node)!))
                .ToList();
            var byName = calls.GroupBy(call => call.TargetMethod.OriginalDefinition.ToDisplayString()).Where(group => group.Count() > 1).ToList();

            Assert.Contains(byName, group => group.Key.Contains(".Select<"));
            Assert.Contains(byName, group => group.Key.Contains(".Upper("));
            Assert.All(byName, group =>
            {
                var definitions = group.Select(call => call.TargetMethod.OriginalDefinition).ToList();
                Assert.All(definitions, definition => Assert.True(SameInstance<IMethodSymbol>.Comparer.Equals(definitions[0], definition), group.Key));
                Assert.All(definitions, definition => Assert.Equal(SameInstance<IMethodSymbol>.Comparer.GetHashCode(definitions[0]), SameInstance<IMethodSymbol>.Comparer.GetHashCode(definition)));
                var assemblies = group.Select(call => call.TargetMethod.ContainingAssembly).ToList();
                Assert.All(assemblies, assembly => Assert.True(SameInstance<IAssemblySymbol>.Comparer.Equals(assemblies[0], assembly), group.Key));
            });
        }
    }
}
