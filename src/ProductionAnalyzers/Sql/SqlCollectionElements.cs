using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Sql
{
    /// <summary>
    /// Every element a collection-valued field or property of the compilation is given — an ORM's type-to-table map filled
    /// by <c>TableMap.Add(type, tableName)</c> in its registration code — so that an element read from it
    /// (<c>TableMap[type]</c>) is judged by the values put in. Found on first need per member from the occurrences of its
    /// name in the compilation (<see cref="SourceSearch"/>), and cached. A member used in any other way than being read,
    /// given elements by <c>Add</c>/<c>TryAdd</c>/an indexer, or assigned an empty collection (handed to a method, assigned
    /// to a variable, filled by <c>AddRange</c>, or used in more than <see cref="MaxUses"/> places) is not followed (null).
    /// </summary>
    internal sealed class SqlCollectionElements
    {
        public const int MaxUses = 64;

        /// <summary>Members of a collection that only read it (or remove from it): they add no element.</summary>
        private static readonly HashSet<string> ReadingMembers = new HashSet<string>(StringComparer.Ordinal)
        {
            "ContainsKey", "ContainsValue", "Contains", "TryGetValue", "GetValueOrDefault", "Keys", "Values", "Count",
            "Remove", "Clear", "Any", "First", "FirstOrDefault", "Single", "SingleOrDefault", "Where", "Select",
        };

        private readonly Compilation _compilation;
        private readonly SourceSearch _search;
        private readonly ConcurrentDictionary<ISymbol, ImmutableArray<MemberWrite>?> _elements =
            new ConcurrentDictionary<ISymbol, ImmutableArray<MemberWrite>?>(SymbolEqualityComparer.Default);

        public SqlCollectionElements(Compilation compilation, SourceSearch search)
        {
            _compilation = compilation;
            _search = search;
        }

        /// <summary>The values put into the collection <paramref name="member"/> holds, or null when it is not followed.</summary>
        public ImmutableArray<MemberWrite>? ElementsOf(ISymbol member, CancellationToken cancellationToken)
        {
            var definition = member.OriginalDefinition;
            return _elements.TryGetValue(definition, out var known) ? known : _elements.GetOrAdd(definition, Find(definition, cancellationToken));
        }

        private ImmutableArray<MemberWrite>? Find(ISymbol member, CancellationToken cancellationToken)
        {
            if (member is not (IFieldSymbol or IPropertySymbol { Parameters.IsEmpty: true }) || member.DeclaringSyntaxReferences.Length != 1 ||
                !SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, _compilation.Assembly))
            {
                return null;
            }

            var tokens = _search.IdentifiersNamed(new[] { member.Name }, null, MaxUses, cancellationToken);
            if (tokens is null)
            {
                return null;
            }

            var declaration = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var result = ImmutableArray.CreateBuilder<MemberWrite>();
            foreach (var token in tokens)
            {
                switch (token.Parent)
                {
                    case VariableDeclaratorSyntax or PropertyDeclarationSyntax when token.Parent != declaration:
                        // Another member of the same name (a Tables array of another type).
                        continue;
                    case VariableDeclaratorSyntax declarator when declarator.Identifier == token:
                        if (declarator.Initializer is { } fieldInitializer && !IsEmptyCollection(fieldInitializer.Value))
                        {
                            return null;
                        }

                        continue;
                    case PropertyDeclarationSyntax property when property.Identifier == token:
                        if (property.ExpressionBody is not null || (property.Initializer is { } propertyInitializer && !IsEmptyCollection(propertyInitializer.Value)))
                        {
                            return null;
                        }

                        continue;
                    case SimpleNameSyntax:
                        var expression = SourceSearch.MemberExpressionOf(token)!;
                        if (IsRead(expression))
                        {
                            // Map.ContainsKey(x), Map[x], foreach over it: whichever member it names, it puts nothing in.
                            continue;
                        }

                        var model = _search.Model(token.SyntaxTree!);
                        if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(expression, cancellationToken).Symbol?.OriginalDefinition, member))
                        {
                            // Another member or local of the same name.
                            continue;
                        }

                        if (!AddUse(expression, model, result, cancellationToken))
                        {
                            return null;
                        }

                        continue;
                    default:
                        // A parameter, a method or a named argument spelled the same: not the member.
                        continue;
                }
            }

            return result.ToImmutable();
        }

        /// <summary>A use that only reads the collection, decided from the syntax alone (no binding).</summary>
        private static bool IsRead(ExpressionSyntax expression) => expression.Parent switch
        {
            ForEachStatementSyntax loop => loop.Expression == expression,
            ElementAccessExpressionSyntax access => access.Expression == expression &&
                                                    !(access.Parent is AssignmentExpressionSyntax store && store.Left == access),
            MemberAccessExpressionSyntax access => access.Expression == expression && ReadingMembers.Contains(access.Name.Identifier.ValueText),
            _ => false,
        };

        /// <summary>Adds the element a use of the member that is not a read (<see cref="IsRead"/>) puts in; false for a use that is not followed.</summary>
        private static bool AddUse(ExpressionSyntax expression, SemanticModel model, ImmutableArray<MemberWrite>.Builder result, CancellationToken cancellationToken)
        {
            switch (expression.Parent)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left == expression:
                    // TableMap = new Dictionary<Type, string>(): starts empty.
                    return assignment.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression) && IsEmptyCollection(assignment.Right);
                case ElementAccessExpressionSyntax { Parent: AssignmentExpressionSyntax store } access when access.Expression == expression && store.Left == access:
                    // TableMap[type] = name: an element put in.
                    return store.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression) &&
                           model.GetOperation(store, cancellationToken) is ISimpleAssignmentOperation simple && Add(simple.Value, result);
                case MemberAccessExpressionSyntax access when access.Expression == expression:
                    if (access.Name.Identifier.ValueText is "Add" or "TryAdd" && access.Parent is InvocationExpressionSyntax call &&
                        model.GetOperation(call, cancellationToken) is IInvocationOperation invocation)
                    {
                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.Parameter?.Name is "value" or "item")
                            {
                                return Add(argument.Value, result);
                            }
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private static bool Add(IOperation value, ImmutableArray<MemberWrite>.Builder result)
        {
            var root = value;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            result.Add(new MemberWrite(value, MethodIndex.Build(new[] { root })));
            return result.Count <= MaxUses;
        }

        /// <summary><c>new Dictionary&lt;K, V&gt;()</c>, <c>new(StringComparer.Ordinal)</c>, <c>[]</c>: a collection created empty.</summary>
        private static bool IsEmptyCollection(ExpressionSyntax value) => value switch
        {
            BaseObjectCreationExpressionSyntax creation => creation.Initializer is null &&
                                                           (creation.ArgumentList is null || AllArgumentsAreSettings(creation.ArgumentList)),
            CollectionExpressionSyntax collection => collection.Elements.Count == 0,
            _ => false,
        };

        /// <summary>A capacity or a comparer (<c>StringComparer.OrdinalIgnoreCase</c>), not a collection copied in.</summary>
        private static bool AllArgumentsAreSettings(ArgumentListSyntax arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.Expression is not (LiteralExpressionSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "StringComparer" or "EqualityComparer" } }))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
