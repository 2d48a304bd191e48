using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionAnalyzers.Tests.Verifiers;
using Xunit;

namespace ProductionAnalyzers.Tests.Conventions;

/// <summary>
/// A value factory handed to a cache's <c>GetOrAdd</c> is made on every call, hit or miss, when it is a lambda that captures
/// (a closure, with copies of what it captured: a callback's whole context once cost PA1001 and PA4004 one allocation per
/// invocation of a code base, 9 MB on jellyfin) or a method group of an instance method (a new delegate per call). The
/// package's caches are asked from per-node callbacks, so every factory is a static or non-capturing lambda, a static
/// method, or a delegate made once and kept in a field or local; a value computed beforehand is fine too.
/// </summary>
public class CacheFactoryConventionTests
{
    [Fact]
    public void CacheFactories_OfThePackage_AllocateNothingPerCall()
    {
        var root = Repository.PathOf("src", "ProductionAnalyzers");
        var separator = Path.DirectorySeparatorChar;
        var trees = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !path.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest), Path.GetRelativePath(root, path)))
            .ToList();
        Assert.True(trees.Count > 50, $"only {trees.Count} source files found under {root}");

        var offenders = AllocatingFactories(Compile("ProductionAnalyzers", trees));
        Assert.True(offenders.Count == 0, "GetOrAdd factories that allocate on every call:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheCheck_FindsCapturingLambdasAndInstanceMethodGroups_AndAcceptsTheRest()
    {
        var tree = CSharpSyntaxTree.ParseText(@"
using System;
using System.Collections.Concurrent;
using System.Threading;
public sealed class Cache
{
    private readonly ConcurrentDictionary<string, int> _map = new ConcurrentDictionary<string, int>();
    private readonly Func<string, int> _measure;
    private int _offset;
    public Cache() => _measure = Measure;
    private int Measure(string key) => key.Length + _offset;
    private static int Length(string key) => key.Length;
    public int Bad1(string key, CancellationToken token) => _map.GetOrAdd(key, k => Find(k, token));
    public int Bad2(string key) => _map.GetOrAdd(key, Measure);
    public int Bad3(string key) => _map.GetOrAdd(key, k => k.Length + _offset);
    public int Bad4(string key, int extra) => _map.GetOrAdd(key, k => k.Length + extra);
    public int Good1(string key) => _map.GetOrAdd(key, k => k.Length);
    public int Good2(string key) => _map.GetOrAdd(key, Length);
    public int Good3(string key) => _map.GetOrAdd(key, _measure);
    public int Good4(string key, int extra) => _map.GetOrAdd(key, static (k, e) => k.Length + e, extra);
    public int Good5(string key) => _map.TryGetValue(key, out var known) ? known : _map.GetOrAdd(key, Measure(key));
    private static int Find(string key, CancellationToken token) => key.Length;
}");
        var offenders = AllocatingFactories(Compile("Sample", new[] { tree }));

        Assert.Equal(new[] { "Bad1", "Bad2", "Bad3", "Bad4" }, offenders.Select(o => o.Split(' ')[1].TrimEnd(':')).ToArray());
    }

    private static CSharpCompilation Compile(string name, IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            name,
            trees,
            TestReferences.All
                .Add(MetadataReference.CreateFromFile(typeof(Compilation).Assembly.Location))
                .Add(MetadataReference.CreateFromFile(typeof(CSharpCompilation).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    /// <summary>"file:line Member: factory" for every GetOrAdd argument that makes a delegate per call.</summary>
    private static List<string> AllocatingFactories(Compilation compilation)
    {
        var offenders = new List<string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = call.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    _ => null,
                };
                if (name != "GetOrAdd")
                {
                    continue;
                }

                foreach (var argument in call.ArgumentList.Arguments)
                {
                    if (MakesDelegatePerCall(model, argument.Expression))
                    {
                        var member = call.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault() switch
                        {
                            MethodDeclarationSyntax method => method.Identifier.ValueText,
                            PropertyDeclarationSyntax property => property.Identifier.ValueText,
                            ConstructorDeclarationSyntax constructor => constructor.Identifier.ValueText,
                            _ => "?",
                        };
                        offenders.Add($"{tree.FilePath}:{call.GetLocation().GetLineSpan().StartLinePosition.Line + 1} {member}: {argument.Expression}");
                    }
                }
            }
        }

        return offenders;
    }

    private static bool MakesDelegatePerCall(SemanticModel model, ExpressionSyntax expression)
    {
        if (expression is AnonymousFunctionExpressionSyntax function)
        {
            return !function.Modifiers.Any(SyntaxKind.StaticKeyword) && Captures(model, function);
        }

        // A method group converted to a delegate: cached by the compiler only for a static method.
        return model.GetTypeInfo(expression).ConvertedType is { TypeKind: TypeKind.Delegate } &&
               model.GetSymbolInfo(expression).Symbol is IMethodSymbol { IsStatic: false, MethodKind: not MethodKind.LocalFunction } &&
               expression is IdentifierNameSyntax or MemberAccessExpressionSyntax;
    }

    private static bool Captures(SemanticModel model, AnonymousFunctionExpressionSyntax function)
    {
        var flow = model.AnalyzeDataFlow(function);
        if (flow is not { Succeeded: true })
        {
            return true;
        }

        // A local or parameter of the enclosing code read or written inside.
        var declaredInside = new HashSet<ISymbol>(flow.VariablesDeclared, SymbolEqualityComparer.Default);
        foreach (var parameter in model.GetSymbolInfo(function).Symbol is IMethodSymbol lambda ? lambda.Parameters : default)
        {
            declaredInside.Add(parameter);
        }

        if (flow.ReadInside.Concat(flow.WrittenInside).Any(variable => !declaredInside.Contains(variable)))
        {
            return true;
        }

        // this: an instance member used without a receiver, or this/base written out.
        foreach (var node in function.Body.DescendantNodesAndSelf())
        {
            if (node is ThisExpressionSyntax or BaseExpressionSyntax)
            {
                return true;
            }

            if (node is IdentifierNameSyntax identifier &&
                !(identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier) &&
                identifier.Parent is not MemberBindingExpressionSyntax &&
                model.GetSymbolInfo(identifier).Symbol is { IsStatic: false, Kind: SymbolKind.Field or SymbolKind.Property or SymbolKind.Method or SymbolKind.Event } member &&
                member is not IMethodSymbol { MethodKind: MethodKind.LocalFunction } &&
                member.ContainingType is not null)
            {
                return true;
            }
        }

        return false;
    }
}
