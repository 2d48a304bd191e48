using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Sql
{
    /// <summary>One value a field or property of the compilation is given, with the index of the body that gives it.</summary>
    internal readonly struct MemberWrite
    {
        public MemberWrite(IOperation value, MethodIndex index)
        {
            Value = value;
            Index = index;
        }

        public IOperation Value { get; }

        public MethodIndex Index { get; }
    }

    /// <summary>
    /// Every value a field or property that only its own type — or, for a protected one, its type and the types of the
    /// compilation deriving from it — can write is given: its initializer and the assignments in those types'
    /// declarations and their nested types (constructors, builder methods, a static factory's <c>db.m_table = …</c> on
    /// the instance it creates). Made on first need per member, by one walk over the declarations,
    /// and cached per compilation. Members any type can write (public or internal mutable ones), written by <c>ref</c>,
    /// <c>+=</c>, a deconstruction, or more than <see cref="MaxWrites"/> times are not followed (null). A protected member's writes in
    /// types of other assemblies deriving from a public type are not seen.
    /// </summary>
    internal sealed class SqlMemberWrites
    {
        public const int MaxWrites = 16;

        private readonly Compilation _compilation;
        private readonly SourceIndex _sources;
        private readonly ConcurrentDictionary<ISymbol, ImmutableArray<MemberWrite>?> _writes = new ConcurrentDictionary<ISymbol, ImmutableArray<MemberWrite>?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, Dictionary<string, List<SyntaxNode>>?> _typeSites =
            new ConcurrentDictionary<INamedTypeSymbol, Dictionary<string, List<SyntaxNode>>?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, Dictionary<string, List<SyntaxNode>>?> _hierarchySites =
            new ConcurrentDictionary<INamedTypeSymbol, Dictionary<string, List<SyntaxNode>>?>(SymbolEqualityComparer.Default);

        private readonly SourceSearch _search;

        public SqlMemberWrites(Compilation compilation, SourceIndex sources, SourceSearch search)
        {
            _compilation = compilation;
            _sources = sources;
            _search = search;
        }

        public ImmutableArray<MemberWrite>? WritesOf(ISymbol member, CancellationToken cancellationToken)
        {
            var definition = member.OriginalDefinition;
            return _writes.TryGetValue(definition, out var known) ? known : _writes.GetOrAdd(definition, Find(definition, cancellationToken));
        }

        /// <summary>A property declared with accessors that have no body (<c>{ get; set; }</c>, <c>{ get; private set; }</c>).</summary>
        [MethodImpl(HotPath.Options)]
        public static bool IsAutoProperty(IPropertySymbol property, CancellationToken cancellationToken)
        {
            if (property.DeclaringSyntaxReferences.Length != 1 ||
                property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors })
            {
                return false;
            }

            foreach (var accessor in accessors.Accessors)
            {
                if (accessor.Body is not null || accessor.ExpressionBody is not null)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A field or auto-property that only its type, or the types deriving from it (a protected one), can assign.</summary>
        public static bool IsWrittenOnlyByItsType(ISymbol member) => member switch
        {
            IFieldSymbol field => !field.IsConst && (field.IsReadOnly || IsTypeOrHierarchy(field.DeclaredAccessibility)) && !field.IsImplicitlyDeclared,
            IPropertySymbol property => property.Parameters.IsEmpty && !property.IsAbstract && !property.IsVirtual && !property.IsOverride &&
                                        (property.SetMethod is null || IsTypeOrHierarchy(property.SetMethod.DeclaredAccessibility) ||
                                         IsTypeOrHierarchy(property.DeclaredAccessibility)),
            _ => false,
        };

        /// <summary>Whether types deriving from the member's type can assign it too (a protected field or setter).</summary>
        private static bool IsWrittenByDerivedTypes(ISymbol member) => member switch
        {
            IFieldSymbol field => !field.IsReadOnly && IsHierarchy(field.DeclaredAccessibility),
            IPropertySymbol property => property.SetMethod is { } setter && property.DeclaredAccessibility != Accessibility.Private &&
                                        setter.DeclaredAccessibility != Accessibility.Private &&
                                        (IsHierarchy(setter.DeclaredAccessibility) || IsHierarchy(property.DeclaredAccessibility)),
            _ => false,
        };

        private static bool IsTypeOrHierarchy(Accessibility accessibility) => accessibility == Accessibility.Private || IsHierarchy(accessibility);

        private static bool IsHierarchy(Accessibility accessibility) =>
            accessibility is Accessibility.Protected or Accessibility.ProtectedAndInternal;

        /// <summary>
        /// A static field or auto-property that code outside its type can set (<c>public static string NewRowIdFunction
        /// { get; set; } = "last_insert_rowid()"</c>, switched by the host at startup for another database): no model binder,
        /// serializer or configuration binder sets a static member, so its writes are all in the code, and they are followed
        /// across the compilation (<see cref="FindStatic"/>), as many as <see cref="MaxWrites"/>.
        /// </summary>
        public static bool IsStaticSettable(ISymbol member) => member switch
        {
            IFieldSymbol field => field.IsStatic && !field.IsConst && !field.IsReadOnly && !field.IsImplicitlyDeclared && !IsWrittenOnlyByItsType(field),
            IPropertySymbol property => property.IsStatic && property.Parameters.IsEmpty && !property.IsAbstract && property.SetMethod is not null &&
                                        !IsWrittenOnlyByItsType(property),
            _ => false,
        };

        /// <summary>Whether <see cref="WritesOf"/> follows the member: only its own type writes it, or it is static (<see cref="IsStaticSettable"/>).</summary>
        public static bool IsFollowed(ISymbol member) => IsWrittenOnlyByItsType(member) || IsStaticSettable(member);

        private ImmutableArray<MemberWrite>? Find(ISymbol member, CancellationToken cancellationToken)
        {
            if (IsStaticSettable(member))
            {
                return FindStatic(member, cancellationToken);
            }

            if (!IsWrittenOnlyByItsType(member) || member.ContainingType is not { } type ||
                !SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, _compilation.Assembly))
            {
                return null;
            }

            var sites = WriteSitesOf(type.OriginalDefinition, IsWrittenByDerivedTypes(member), cancellationToken);
            if (sites is null)
            {
                return null;
            }

            var result = ImmutableArray.CreateBuilder<MemberWrite>();
            if (!sites.TryGetValue(member.Name, out var nodes))
            {
                return result.ToImmutable();
            }

            SemanticModel? model = null;
            foreach (var write in nodes)
            {
                if ((write is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax } && member is not IFieldSymbol) ||
                    (write is EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } && member is not IPropertySymbol))
                {
                    continue;
                }

                if (model is null || model.SyntaxTree != write.SyntaxTree)
                {
#pragma warning disable RS1030 // The declarations of a member's type are read once per type and compilation, and cached.
                    model = _compilation.GetSemanticModel(write.SyntaxTree);
#pragma warning restore RS1030
                }

                var operation = model.GetOperation(write, cancellationToken);
                switch (operation)
                {
                    case ISimpleAssignmentOperation simple when IsMember(simple.Target, member):
                        result.Add(new MemberWrite(simple.Value, MethodIndex.Build(new[] { Root(simple) })));
                        break;
                    case IFieldInitializerOperation fieldInitializer when fieldInitializer.InitializedFields.Contains((member as IFieldSymbol)!, SymbolEqualityComparer.Default):
                        result.Add(new MemberWrite(fieldInitializer.Value, MethodIndex.Build(new[] { (IOperation)fieldInitializer })));
                        break;
                    case IPropertyInitializerOperation propertyInitializer when propertyInitializer.InitializedProperties.Contains((member as IPropertySymbol)!, SymbolEqualityComparer.Default):
                        result.Add(new MemberWrite(propertyInitializer.Value, MethodIndex.Build(new[] { (IOperation)propertyInitializer })));
                        break;
                    case IAssignmentOperation other when IsMember(other.Target, member):
                        // += or ??=: a value we do not follow.
                        return null;
                    case IArgumentOperation argument when argument.Value is IMemberReferenceOperation passed && IsMember(passed, member):
                        return null;
                    case IDeconstructionAssignmentOperation:
                        return null;
                }

                if (result.Count > MaxWrites)
                {
                    return null;
                }
            }

            return result.ToImmutable();
        }

        /// <summary>
        /// The places in a type's declarations (and nested types; with <paramref name="withDerived"/>, also in the source
        /// types deriving from it) that may write a member of a given name: assignments, initializers, <c>ref</c>/<c>out</c>
        /// arguments, by the name written. Read once per type (and once more for its hierarchy) and compilation, for all
        /// its members, and only bound for the member asked; null when a declaration is not in the compilation.
        /// </summary>
        /// <summary>
        /// The writes of a static member anywhere in the compilation: its initializer and every <c>=</c> to it, found by its
        /// name in the source text (<see cref="SourceSearch.IdentifiersNamed"/>, at most <see cref="SqlCollectionElements.MaxUses"/>
        /// occurrences) and bound only where the name is assigned. Null — not followed — for a compound assignment, a
        /// <c>ref</c>/<c>out</c> use, a member of another assembly, or too many uses.
        /// </summary>
        private ImmutableArray<MemberWrite>? FindStatic(ISymbol member, CancellationToken cancellationToken)
        {
            if (member.DeclaringSyntaxReferences.Length != 1 ||
                !SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, _compilation.Assembly) ||
                (member is IPropertySymbol property && !IsAutoProperty(property, cancellationToken)))
            {
                return null;
            }

            var tokens = _search.IdentifiersNamed(new[] { member.Name }, null, SqlCollectionElements.MaxUses, cancellationToken);
            if (tokens is null)
            {
                return null;
            }

            var declaration = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var result = ImmutableArray.CreateBuilder<MemberWrite>();
            foreach (var token in tokens)
            {
                SyntaxNode? write = null;
                switch (token.Parent)
                {
                    case VariableDeclaratorSyntax declarator when declarator == declaration:
                        write = declarator.Initializer;
                        break;
                    case PropertyDeclarationSyntax declared when declared == declaration:
                        write = declared.Initializer;
                        break;
                    case SimpleNameSyntax:
                        var expression = SourceSearch.MemberExpressionOf(token)!;
                        switch (expression.Parent)
                        {
                            case AssignmentExpressionSyntax assignment when assignment.Left == expression:
                                write = assignment;
                                break;
                            case ArgumentSyntax { RefKindKeyword.RawKind: not 0 }:
                            case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax:
                                // Passed by reference, or changed in place: if it is this member, its value is not followed.
                                if (SymbolEqualityComparer.Default.Equals(_search.Model(token.SyntaxTree!).GetSymbolInfo(expression, cancellationToken).Symbol?.OriginalDefinition, member))
                                {
                                    return null;
                                }

                                break;
                        }

                        break;
                }

                if (write is null)
                {
                    continue;
                }

                var operation = _search.Model(write.SyntaxTree).GetOperation(write, cancellationToken);
                switch (operation)
                {
                    case ISimpleAssignmentOperation simple when IsMember(simple.Target, member):
                        result.Add(new MemberWrite(simple.Value, MethodIndex.Build(new[] { Root(simple) })));
                        break;
                    case IAssignmentOperation other when IsMember(other.Target, member):
                        // += or ??=: a value built from the member itself, not followed.
                        return null;
                    case IFieldInitializerOperation fieldInitializer:
                        result.Add(new MemberWrite(fieldInitializer.Value, MethodIndex.Build(new[] { (IOperation)fieldInitializer })));
                        break;
                    case IPropertyInitializerOperation propertyInitializer:
                        result.Add(new MemberWrite(propertyInitializer.Value, MethodIndex.Build(new[] { (IOperation)propertyInitializer })));
                        break;
                }

                if (result.Count > MaxWrites)
                {
                    return null;
                }
            }

            return result.ToImmutable();
        }

        private Dictionary<string, List<SyntaxNode>>? WriteSitesOf(INamedTypeSymbol type, bool withDerived, CancellationToken cancellationToken)
        {
            var cache = withDerived ? _hierarchySites : _typeSites;
            if (cache.TryGetValue(type, out var known))
            {
                return known;
            }

            var writers = withDerived ? WithDerivedTypes(type) : new[] { type };
            var declarations = new HashSet<SyntaxNode>();
            foreach (var reference in DeclarationsOf(writers))
            {
                declarations.Add(reference.GetSyntax(cancellationToken));
            }

            Dictionary<string, List<SyntaxNode>>? sites = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
            foreach (var declaration in declarations)
            {
                if (!_compilation.ContainsSyntaxTree(declaration.SyntaxTree))
                {
                    sites = null;
                    break;
                }

                // Nested types are searched too (they can write a private member of the type that holds them), unless
                // they are writers of their own, searched on their own.
                foreach (var node in declaration.DescendantNodes(n => n == declaration || !declarations.Contains(n)))
                {
                    var (name, write) = node switch
                    {
                        AssignmentExpressionSyntax assignment => (AssignedName(assignment.Left), (SyntaxNode)assignment),
                        VariableDeclaratorSyntax { Initializer: { } initializer, Parent.Parent: FieldDeclarationSyntax } declarator => (declarator.Identifier.ValueText, initializer),
                        PropertyDeclarationSyntax { Initializer: { } initializer } property => (property.Identifier.ValueText, initializer),
                        ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: var expression } => (AssignedName(expression), node),
                        _ => (null, node),
                    };

                    if (node is AssignmentExpressionSyntax { Left: TupleExpressionSyntax tuple })
                    {
                        // (m_a, m_b) = (…): a write of each element's member, by deconstruction (not followed).
                        foreach (var element in tuple.Arguments)
                        {
                            Add(sites, AssignedName(element.Expression), node);
                        }

                        continue;
                    }

                    Add(sites, name, write);
                }
            }

            return cache.GetOrAdd(type, sites);
        }

        private static void Add(Dictionary<string, List<SyntaxNode>> sites, string? name, SyntaxNode write)
        {
            if (name is null)
            {
                return;
            }

            if (!sites.TryGetValue(name, out var list))
            {
                list = new List<SyntaxNode>();
                sites[name] = list;
            }

            list.Add(write);
        }

        /// <summary>The type and the source types deriving from it (searched once per protected member followed).</summary>
        private IReadOnlyList<INamedTypeSymbol> WithDerivedTypes(INamedTypeSymbol type)
        {
            var types = new List<INamedTypeSymbol> { type };
            var definition = type.OriginalDefinition;
            foreach (var candidate in _sources.SourceTypes())
            {
                for (var baseType = candidate.BaseType; baseType is not null; baseType = baseType.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(baseType.OriginalDefinition, definition))
                    {
                        types.Add(candidate);
                        break;
                    }
                }
            }

            return types;
        }

        private static IEnumerable<SyntaxReference> DeclarationsOf(IReadOnlyList<INamedTypeSymbol> types)
        {
            foreach (var type in types)
            {
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    yield return reference;
                }
            }
        }

        /// <summary>
        /// A write of the member on any instance: the declarations searched are the only code that can write it, so a
        /// static factory's <c>db.m_table = …</c> on the instance it creates is one of the member's values too.
        /// </summary>
        private static bool IsMember(IOperation target, ISymbol member) =>
            target is IMemberReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Member.OriginalDefinition, member);

        private static IOperation Root(IOperation operation)
        {
            while (operation.Parent is { } parent)
            {
                operation = parent;
            }

            return operation;
        }

        private static string? AssignedName(ExpressionSyntax target) => target switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
