using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Sql
{
    /// <summary>
    /// Wrapper discovery: does a method of the compilation pass one of its string parameters into a SQL sink? A
    /// syntax-only pre-pass decides which methods may be wrappers; only those are bound, and the number of bodies the
    /// search binds per compilation is bounded (<see cref="MaxWrapperBodies"/>).
    /// </summary>
    internal sealed partial class SqlApis
    {
        /// <summary>The most method bodies the wrapper search binds per compilation; beyond it, methods are no wrappers.</summary>
        public const int MaxWrapperBodies = 4096;

        private int _bodiesBound;

        /// <summary>The bound in force: <see cref="MaxWrapperBodies"/>, lowered only by tests.</summary>
        internal int WrapperBodyLimit { get; set; } = MaxWrapperBodies;

        /// <summary>How many method bodies the wrapper search has bound in this compilation (at most <see cref="WrapperBodyLimit"/>).</summary>
        public int BodiesBound => Math.Min(Volatile.Read(ref _bodiesBound), WrapperBodyLimit);

        private bool TryCountBody() => Interlocked.Increment(ref _bodiesBound) <= WrapperBodyLimit;

        /// <summary>Whether the syntax pre-pass has been run for <paramref name="method"/> (for tests of what it is asked about).</summary>
        internal bool PrePassAsked(IMethodSymbol method) => _mayBeWrapper.ContainsKey(method.PartialImplementationPart ?? method.OriginalDefinition);

        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<int>> _wrappers = new ConcurrentDictionary<IMethodSymbol, ImmutableArray<int>>(Infrastructure.SameInstance<IMethodSymbol>.Comparer);
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _mayBeWrapper = new ConcurrentDictionary<IMethodSymbol, bool>(Infrastructure.SameInstance<IMethodSymbol>.Comparer);
        private readonly ConcurrentDictionary<IMethodSymbol, WrapperLinks> _links = new ConcurrentDictionary<IMethodSymbol, WrapperLinks>(SymbolEqualityComparer.Default);

        /// <summary>
        /// The ordinals of the string parameters a method of this compilation passes unchanged to a sink (directly,
        /// through a local that only holds the parameter, or through other wrappers, implementations and overrides).
        /// Each body is read once (<see cref="GetLinks"/>); the closure over the links is computed from the method
        /// itself, so the answer never depends on which method was asked first.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public ImmutableArray<int> GetWrapperOrdinals(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.PartialImplementationPart ?? method.OriginalDefinition;
            if (_wrappers.TryGetValue(method, out var cached))
            {
                return cached;
            }

            if (!MayBeWrapper(method, cancellationToken))
            {
                return _wrappers.GetOrAdd(method, ImmutableArray<int>.Empty);
            }

            var result = ImmutableArray.CreateBuilder<int>();
            foreach (var parameter in method.Parameters)
            {
                if (SqlOperations.IsString(parameter.Type) && parameter.RefKind == RefKind.None &&
                    IsWrapperParameter(method, parameter.Ordinal, new HashSet<(IMethodSymbol, int)>(), 0, cancellationToken))
                {
                    result.Add(parameter.Ordinal);
                }
            }

            return _wrappers.GetOrAdd(method, result.ToImmutable());
        }

        [MethodImpl(HotPath.Options)]
        private bool IsWrapperParameter(IMethodSymbol method, int ordinal, HashSet<(IMethodSymbol, int)> visited, int depth, CancellationToken cancellationToken)
        {
            if (depth > 6 || !visited.Add((method, ordinal)))
            {
                return false;
            }

            var links = GetLinks(method, cancellationToken);
            if (links.Direct.Contains(ordinal))
            {
                return true;
            }

            foreach (var (from, callee, calleeOrdinal) in links.Edges)
            {
                if (from == ordinal && IsWrapperParameter(callee, calleeOrdinal, visited, depth + 1, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A syntax-only over-approximation of "some string parameter of this method reaches a sink": the method passes
        /// the pre-pass (<see cref="ReachesSink"/>), or it is an interface, abstract or virtual method and a method or
        /// constructor of its name passes it (an implementation or override has its name). Binds nothing; cached per method
        /// for the compilation. Methods that fail it are never bound by the wrapper search.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private bool MayBeWrapper(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.PartialImplementationPart ?? method.OriginalDefinition;
            if (_mayBeWrapper.TryGetValue(method, out var cached))
            {
                return cached;
            }

            return _mayBeWrapper.GetOrAdd(method, ComputeMayBeWrapper(method, cancellationToken));
        }

        [MethodImpl(HotPath.Options)]
        private bool ComputeMayBeWrapper(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var names = new List<string>();
            foreach (var parameter in method.Parameters)
            {
                if (SqlOperations.IsString(parameter.Type) && parameter.RefKind == RefKind.None)
                {
                    names.Add(parameter.Name);
                }
            }

            if (names.Count == 0 || !IsSourceMethod(method))
            {
                return false;
            }

            if (method.IsAbstract || method.IsVirtual || method.ContainingType.TypeKind == TypeKind.Interface)
            {
                // An implementation or override has the method's name (an explicit implementation is indexed under it too):
                // a declaration of that name that reaches a sink keeps the method. Syntax only, like the rest of the
                // pre-pass: the compilation's implementers are looked up (bound) only for a method kept here.
                if (NamesakeReachesSink(method.Name, cancellationToken))
                {
                    return true;
                }
            }

            if (method.IsAbstract || method.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (MemberParameterNames(declaration) is not null)
            {
                return ReachesSink(declaration, cancellationToken);
            }

            // Not a method or constructor of a type (a local function, an accessor): any method of the compilation it hands
            // a parameter to is taken as a possible wrapper.
            return HasLinkSite(declaration, new HashSet<string>(names, StringComparer.Ordinal), cancellationToken);
        }

        /// <summary>
        /// The syntax pre-pass: a method or constructor of the compilation's types that takes a string may be a wrapper
        /// when its body hands a string parameter (or a local holding it) to <c>CommandText</c>, a command or adapter
        /// creation, a call named like a sink — or to a method or constructor named like one that may be a wrapper. That is
        /// the least fixed point of the rule, computed as reachability: a declaration may be a wrapper when a declaration
        /// that hands a parameter to a sink directly is reachable from it along "hands a parameter to that name". Methods
        /// whose parameters only reach each other (overloads, a cycle) are no wrappers. Each body's link sites are read once
        /// (syntax only, on first need); a "no" is cached for every declaration the search reached, a "yes" for the one
        /// asked.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private bool ReachesSink(SyntaxNode declaration, CancellationToken cancellationToken)
        {
            // One lock for the whole search, over plain tables: the search reads syntax only and is over in microseconds,
            // while a concurrent table would take a lock and allocate a node for every declaration and name it records.
            lock (_prePass)
            {
                return ReachesSinkLocked(declaration, cancellationToken);
            }
        }

        /// <summary>Whether a method or constructor of the compilation's types named <paramref name="name"/> that takes a string passes the pre-pass.</summary>
        [MethodImpl(HotPath.Options)]
        private bool NamesakeReachesSink(string name, CancellationToken cancellationToken)
        {
            lock (_prePass)
            {
                if (!DeclarationsByName(cancellationToken).TryGetValue(name, out var declarations))
                {
                    return false;
                }

                foreach (var declaration in declarations)
                {
                    if (ReachesSinkLocked(declaration, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        [MethodImpl(HotPath.Options)]
        private bool ReachesSinkLocked(SyntaxNode declaration, CancellationToken cancellationToken)
        {
            var reaches = _prePass.ReachesSink;
            if (reaches.TryGetValue(declaration, out var known))
            {
                return known;
            }

            // The name index is made on the first link to follow: a declaration that hands its parameters to no call (half of
            // those asked on a large SQL-free project) is answered from its own body.
            Dictionary<string, List<SyntaxNode>>? declarations = null;
            var seen = new HashSet<SyntaxNode> { declaration };
            var queue = new Queue<SyntaxNode>();
            queue.Enqueue(declaration);
            var result = false;
            while (queue.Count > 0 && !result)
            {
                var current = queue.Dequeue();
                if (reaches.TryGetValue(current, out var answer))
                {
                    // A known "no" reaches nothing that reaches a sink; a known "yes" decides.
                    result = answer;
                    continue;
                }

                if (!_prePass.LinkSites.TryGetValue(current, out var links))
                {
                    links = LinkSites(current, MemberParameterNames(current)!, cancellationToken);
                    _prePass.LinkSites.Add(current, links);
                }

                if (ReferenceEquals(links, DirectSink))
                {
                    result = true;
                    break;
                }

                foreach (var link in links)
                {
                    declarations ??= DeclarationsByName(cancellationToken);
                    if (!declarations.TryGetValue(link, out var targets))
                    {
                        // Not a method or constructor of the compilation that takes a string.
                        continue;
                    }

                    foreach (var target in targets)
                    {
                        if (seen.Add(target))
                        {
                            queue.Enqueue(target);
                        }
                    }
                }
            }

            if (result)
            {
                reaches[declaration] = true;
            }
            else
            {
                foreach (var node in seen)
                {
                    reaches[node] = false;
                }
            }

            return result;
        }

        /// <summary>The syntax pre-pass' tables, read and written under a lock on this object.</summary>
        private sealed class PrePassTables
        {
            public Dictionary<SyntaxNode, bool> ReachesSink { get; } = new Dictionary<SyntaxNode, bool>();

            public Dictionary<SyntaxNode, List<string>> LinkSites { get; } = new Dictionary<SyntaxNode, List<string>>();

            /// <summary>The declarations a link can name (<see cref="DeclarationsByName"/>), made on the first question.</summary>
            public Dictionary<string, List<SyntaxNode>>? DeclarationsByName { get; set; }
        }

        private readonly PrePassTables _prePass = new PrePassTables();

        /// <summary>The marker of a declaration that hands a parameter to a sink directly.</summary>
        private static readonly List<string> DirectSink = new List<string>();

        /// <summary>
        /// The declarations of the compilation's methods and constructors that take a string, by name (<c>new T</c> for the
        /// constructors of the types named T): the declarations a link of the pre-pass can lead to. Read once per compilation
        /// from the trees' declarations (namespaces, types and their members; no body is entered, no symbol is made), on
        /// the first question, under the pre-pass' lock.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private Dictionary<string, List<SyntaxNode>> DeclarationsByName(CancellationToken cancellationToken)
        {
            var index = _prePass.DeclarationsByName;
            if (index is null)
            {
                index = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
                foreach (var tree in _compilation.SyntaxTrees)
                {
                    if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
                    {
                        // The whole text as a string: the tree's own string for a file read into one (no copy).
                        AddDeclarations(unit.Members, index, tree.GetText(cancellationToken).ToString());
                    }
                }

                _prePass.DeclarationsByName = index;
            }

            return index;
        }

        [MethodImpl(HotPath.Options)]
        private static void AddDeclarations(SyntaxList<MemberDeclarationSyntax> members, Dictionary<string, List<SyntaxNode>> index, string text)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        AddDeclarations(ns.Members, index, text);
                        break;
                    case TypeDeclarationSyntax type:
                        foreach (var typeMember in type.Members)
                        {
                            switch (typeMember)
                            {
                                // An explicit interface implementation (int IStore.Run(string sql)) too, under its own name: a chain reaches
                                // it through a call of the interface's method of that name.
                                case MethodDeclarationSyntax method when TakesString(method.ParameterList, text):
                                    Add(index, method.Identifier.ValueText, method);
                                    break;
                                case ConstructorDeclarationSyntax constructor when TakesString(constructor.ParameterList, text):
                                    Add(index, "new " + type.Identifier.ValueText, constructor);
                                    break;
                                case TypeDeclarationSyntax:
                                    AddDeclarations(new SyntaxList<MemberDeclarationSyntax>(typeMember), index, text);
                                    break;
                            }
                        }

                        break;
                }
            }
        }

        private static void Add(Dictionary<string, List<SyntaxNode>> index, string key, SyntaxNode declaration)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = new List<SyntaxNode>();
            }

            list.Add(declaration);
        }

        /// <summary>
        /// The names of the by-value string parameters of a method or constructor declared in a type; null for anything else
        /// (a local function, an accessor) or when it takes no string.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static HashSet<string>? MemberParameterNames(SyntaxNode declaration) => declaration switch
        {
            MethodDeclarationSyntax { Parent: TypeDeclarationSyntax } method => StringParameterNames(method.ParameterList),
            ConstructorDeclarationSyntax { Parent: TypeDeclarationSyntax } constructor => StringParameterNames(constructor.ParameterList),
            _ => null,
        };

        /// <summary>
        /// Whether the declaration takes a by-value string (<see cref="StringParameterNames"/> not null), without making a set:
        /// its parameters are looked at only when the text of its parameter list spells "string" or "String" (most
        /// declarations of a compilation take none, and reading each parameter makes its nodes).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static bool TakesString(ParameterListSyntax parameters, string text)
        {
            if (parameters.Parameters.Count == 0)
            {
                return false;
            }

            var span = parameters.Span;
            if (span.End > text.Length || text.IndexOf("tring", span.Start, span.Length, StringComparison.Ordinal) < 0)
            {
                return false;
            }

            foreach (var parameter in parameters.Parameters)
            {
                if (IsByValueString(parameter))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The names of the by-value string parameters, from the syntax (<c>string</c>, <c>string?</c>, <c>String</c>); null when none.</summary>
        [MethodImpl(HotPath.Options)]
        private static HashSet<string>? StringParameterNames(ParameterListSyntax parameters)
        {
            HashSet<string>? names = null;
            foreach (var parameter in parameters.Parameters)
            {
                if (IsByValueString(parameter))
                {
                    (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(parameter.Identifier.ValueText);
                }
            }

            return names;
        }

        /// <summary>A parameter declared <c>string</c>, <c>string?</c> or <c>String</c>, without <c>ref</c>, <c>out</c>, <c>in</c> or <c>params</c>.</summary>
        [MethodImpl(HotPath.Options)]
        private static bool IsByValueString(ParameterSyntax parameter) =>
            parameter.Type is { } type && IsStringTypeSyntax(type) && !HasRefModifier(parameter);

        [MethodImpl(HotPath.Options)]
        private static bool HasRefModifier(ParameterSyntax parameter)
        {
            foreach (var modifier in parameter.Modifiers)
            {
                var text = modifier.ValueText;
                if (text is "ref" or "out" or "in" or "params")
                {
                    return true;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Options)]
        private static bool IsStringTypeSyntax(TypeSyntax type) => type switch
        {
            NullableTypeSyntax nullable => IsStringTypeSyntax(nullable.ElementType),
            PredefinedTypeSyntax predefined => predefined.Keyword.ValueText == "string",
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == "String",
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText == "String",
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText == "String",
            _ => false,
        };

        /// <summary>
        /// Where the declaration hands one of <paramref name="names"/> (or a local initialized or assigned from one):
        /// <see cref="DirectSink"/> when to a sink directly (<c>CommandText</c>, a command or adapter creation, a sink name,
        /// a local function, a call through an expression that has no name); otherwise the names of the methods (and
        /// <c>new T</c> of the constructors) it hands them to. Found from the occurrences of the names in the declaration's
        /// text, not by walking its nodes: a body is read in proportion to how often it uses its string parameters, and
        /// only the tokens found are looked at. <paramref name="names"/> is extended.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private List<string> LinkSites(SyntaxNode declaration, HashSet<string> names, CancellationToken cancellationToken)
        {
            var links = new List<string>();
            List<string>? calledByName = null;
            using var text = TextWindow.Of(declaration, cancellationToken);
            var pending = new Queue<string>(names);
            var seen = new HashSet<int>();
            while (pending.Count > 0)
            {
                var name = pending.Dequeue();
                foreach (var token in IdentifierTokens(declaration, text, name, handedOnOnly: true))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (token.Parent is not IdentifierNameSyntax identifier || !seen.Add(token.SpanStart))
                    {
                        continue;
                    }

                    switch (identifier.Parent)
                    {
                        case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                            // var alias = name;
                            if (names.Add(declarator.Identifier.ValueText))
                            {
                                pending.Enqueue(declarator.Identifier.ValueText);
                            }

                            continue;
                        case AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } assignment when assignment.Right == identifier:
                            // alias = name;
                            if (names.Add(left.Identifier.ValueText))
                            {
                                pending.Enqueue(left.Identifier.ValueText);
                            }

                            break;
                    }

                    SyntaxNode expression = identifier;
                    while (expression.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
                    {
                        expression = expression.Parent;
                    }

                    switch (expression.Parent)
                    {
                        case AssignmentExpressionSyntax assignment when assignment.Right == expression && AssignedName(assignment.Left) == "CommandText":
                            return DirectSink;
                        case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: { } call } }:
                            switch (call)
                            {
                                case ObjectCreationExpressionSyntax creation:
                                    var typeName = CreatedTypeName(creation.Type);
                                    if (typeName is null || IsCommandTypeName(typeName))
                                    {
                                        return DirectSink;
                                    }

                                    links.Add("new " + typeName);
                                    break;
                                case ImplicitObjectCreationExpressionSyntax:
                                    return DirectSink;
                                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: PredefinedTypeSyntax } }:
                                    // string.Join(",", name), int.Parse(name): a method of a core type, neither a sink nor a
                                    // method of the compilation (no extension method is called on a type keyword).
                                    break;
                                case InvocationExpressionSyntax invocation:
                                    var invoked = Infrastructure.SyntaxNames.InvokedName(invocation.Expression);
                                    if (invoked is null || IsSinkName(invoked))
                                    {
                                        return DirectSink;
                                    }

                                    links.Add(invoked);
                                    if (invocation.Expression is SimpleNameSyntax)
                                    {
                                        // Called by its name alone: the only way a local function of this body can be called.
                                        (calledByName ??= new List<string>()).Add(invoked);
                                    }

                                    break;
                            }

                            break;
                    }
                }
            }

            if (calledByName is null)
            {
                return links;
            }

            foreach (var link in calledByName)
            {
                if (DeclaresLocalFunction(declaration, text, link))
                {
                    // Handed to a local function: whatever it does with it is not followed here.
                    return DirectSink;
                }
            }

            return links;
        }

        /// <summary>
        /// The identifier tokens spelled <paramref name="name"/> in <paramref name="text"/>, the text of <paramref name="node"/>.
        /// With <paramref name="handedOnOnly"/>, only where the text around the name allows what <see cref="LinkSites"/> follows
        /// (<see cref="MayBeHandedOn"/>): the others are not looked up in the tree.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static List<SyntaxToken> IdentifierTokens(SyntaxNode node, in TextWindow text, string name, bool handedOnOnly = false)
        {
            // A list, not an iterator: an iterator's loop runs in a compiler-generated method that cannot be marked hot.
            var tokens = new List<SyntaxToken>();
            if (name.Length == 0)
            {
                // A parameter or local the user has not named yet.
                return tokens;
            }

            for (var index = text.IndexOf(name, 0); index >= 0; index = text.IndexOf(name, index + name.Length))
            {
                var end = index + name.Length;
                if ((index > 0 && IsIdentifierChar(text[index - 1])) || (end < text.Length && IsIdentifierChar(text[end])))
                {
                    // Part of a longer word (id in width, sql in sqlText).
                    continue;
                }

                if (handedOnOnly && !MayBeHandedOn(text, index, end))
                {
                    continue;
                }

                var token = node.FindToken(text.Start + index);
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
                {
                    tokens.Add(token);
                }
            }

            return tokens;
        }

        private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

        /// <summary>
        /// Text only, before the token is looked up: whether the name at [<paramref name="start"/>, <paramref name="end"/>) can
        /// be a whole value that <see cref="LinkSites"/> follows — an argument (<c>Run(name)</c>, <c>Run(sql: name, 1)</c>,
        /// <c>Run(ref name)</c>, <c>Run((string)name)</c>), the value of an assignment or of a local's initializer
        /// (<c>CommandText = name;</c>, <c>{ CommandText = name }</c>, <c>var alias = name;</c>). Such a name is followed by
        /// <c>,</c> <c>)</c> <c>;</c> or <c>}</c> and preceded by <c>(</c> <c>,</c> <c>=</c> <c>)</c> <c>:</c> or <c>ref</c>,
        /// <c>out</c>, <c>in</c>; whitespace between is skipped, and a comment or directive next to the name keeps it. Rules
        /// out the parameter's own declaration (<c>string name,</c>), member access (<c>name.Length</c>), operands
        /// (<c>name + "x"</c>, <c>name ?? ""</c>), interpolation holes and the like, none of which the syntax check would follow.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static bool MayBeHandedOn(in TextWindow text, int start, int end)
        {
            var after = end;
            while (after < text.Length && char.IsWhiteSpace(text[after]))
            {
                after++;
            }

            if (after < text.Length && text[after] is not (',' or ')' or ';' or '}' or '/' or '#'))
            {
                return false;
            }

            var before = start - 1;
            if (before >= 0 && text[before] == '@')
            {
                before--;
            }

            while (before >= 0 && char.IsWhiteSpace(text[before]))
            {
                before--;
            }

            if (before < 0)
            {
                return true;
            }

            var c = text[before];
            if (c is '(' or ',' or '=' or ')' or ':' or '/' or '>')
            {
                return true;
            }

            if (!IsIdentifierChar(c))
            {
                return false;
            }

            // A word before the name: ref, out or in of an argument; a line of a directive (#endif) keeps it too.
            var wordEnd = before + 1;
            while (before >= 0 && IsIdentifierChar(text[before]))
            {
                before--;
            }

            var length = wordEnd - before - 1;
            var word = length is >= 2 and <= 3 ? Word(text, before + 1, length) : null;
            return word is "ref" or "out" or "in" || (before >= 0 && text[before] == '#');
        }

        private static string? Word(in TextWindow text, int start, int length)
        {
            if (length == 2)
            {
                return text[start] == 'i' && text[start + 1] == 'n' ? "in" : null;
            }

            return text[start] == 'r' && text[start + 1] == 'e' && text[start + 2] == 'f' ? "ref"
                : text[start] == 'o' && text[start + 1] == 'u' && text[start + 2] == 't' ? "out"
                : null;
        }

        private static bool DeclaresLocalFunction(SyntaxNode declaration, in TextWindow text, string name)
        {
            foreach (var token in IdentifierTokens(declaration, text, name))
            {
                if (token.Parent is LocalFunctionStatementSyntax function && function.Identifier == token)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The conservative check for a declaration the pre-pass does not cover (a local function, an accessor): true when
        /// it hands a parameter to a sink directly or to any method or constructor of the compilation's own types.
        /// </summary>
        private bool HasLinkSite(SyntaxNode declaration, HashSet<string> parameters, CancellationToken cancellationToken)
        {
            var links = LinkSites(declaration, parameters, cancellationToken);
            if (ReferenceEquals(links, DirectSink))
            {
                return true;
            }

            foreach (var link in links)
            {
                if (link.StartsWith("new ", StringComparison.Ordinal))
                {
                    // Any constructor of a source type, a primary constructor too.
                    if (SourceTypesByName().ContainsKey(link.Substring(4)))
                    {
                        return true;
                    }

                    continue;
                }

                // A method the string can be handed to: one of the compilation's that takes a string.
                lock (_prePass)
                {
                    if (DeclarationsByName(cancellationToken).ContainsKey(link))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static string? CreatedTypeName(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>Type names of command, batch-command and adapter types of every provider, and Dapper's CommandDefinition.</summary>
        private static bool IsCommandTypeName(string name) =>
            name.EndsWith("Command", StringComparison.Ordinal) || name.EndsWith("DataAdapter", StringComparison.Ordinal) ||
            name == "CommandDefinition";

        [MethodImpl(HotPath.Options)]
        private Dictionary<string, List<INamedTypeSymbol>> SourceTypesByName() => Sources.SourceTypesByName();

        [MethodImpl(HotPath.Options)]
        private static string? AssignedName(ExpressionSyntax target) => target switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };


        /// <summary>Names of methods that can take SQL text: the catalogue's (<see cref="SqlSinks.MayBeSinkName"/>) and the configured sinks.</summary>
        [MethodImpl(HotPath.Options)]
        private bool IsSinkName(string name) => SqlSinks.MayBeSinkName(name) || _configuredSinkNames.Contains(name);

        [MethodImpl(HotPath.Options)]
        private WrapperLinks GetLinks(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.PartialImplementationPart ?? method.OriginalDefinition;
            return _links.TryGetValue(method, out var known) ? known : _links.GetOrAdd(method, ComputeLinks(method, cancellationToken));
        }

        /// <summary>
        /// Where a method's string parameters go: straight into a sink (<see cref="WrapperLinks.Direct"/>), or unchanged
        /// into a string parameter of another method of the compilation, an implementation or an override
        /// (<see cref="WrapperLinks.Edges"/>).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private WrapperLinks ComputeLinks(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var candidates = new Dictionary<string, IParameterSymbol>(StringComparer.Ordinal);
            foreach (var parameter in method.Parameters)
            {
                if (SqlOperations.IsString(parameter.Type) && parameter.RefKind == RefKind.None)
                {
                    candidates[parameter.Name] = parameter;
                }
            }

            if (candidates.Count == 0)
            {
                return WrapperLinks.None;
            }

            var direct = ImmutableArray.CreateBuilder<int>();
            var edges = ImmutableArray.CreateBuilder<(int, IMethodSymbol, int)>();

            // An interface, abstract or virtual method (an injected ISqlExecutor): a wrapper when an implementation is.
            if (method.IsAbstract || method.IsVirtual || method.ContainingType.TypeKind == TypeKind.Interface)
            {
                foreach (var implementation in ImplementationsOf(method))
                {
                    foreach (var parameter in candidates.Values)
                    {
                        edges.Add((parameter.Ordinal, implementation, parameter.Ordinal));
                    }
                }
            }

            if (method.IsAbstract || method.DeclaringSyntaxReferences.Length != 1)
            {
                return new WrapperLinks(direct.ToImmutable(), edges.ToImmutable());
            }

            // Cheap syntax check first: a parameter must be handed to something that can be a sink or a wrapper.
            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var mentioned = MayBeWrapper(method, cancellationToken);

            // The bound: past MaxWrapperBodies bodies bound by this search, a method that passed the syntax check is
            // taken as no wrapper (its calls are then judged as ordinary calls).
            var body = mentioned && TryCountBody() ? GetBody(method, cancellationToken) : null;
            if (body is null)
            {
                return new WrapperLinks(direct.ToImmutable(), edges.ToImmutable());
            }

            foreach (var operation in body.Root.DescendantsAndSelf())
            {
                if (operation is not (IInvocationOperation or IObjectCreationOperation or IAssignmentOperation))
                {
                    continue;
                }

                if (TryGetSink(operation, out var sink, includeWrappers: false))
                {
                    var parameter = PassedParameter(sink.Text, body.Index, method);
                    if (parameter is not null && !direct.Contains(parameter.Ordinal))
                    {
                        direct.Add(parameter.Ordinal);
                    }

                    continue;
                }

                var (target, arguments) = operation switch
                {
                    IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                    IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                    _ => (null, ImmutableArray<IArgumentOperation>.Empty),
                };
                if (target is null || !IsSourceMethod(target))
                {
                    continue;
                }

                foreach (var argument in arguments)
                {
                    if (argument.Parameter is { } calleeParameter && SqlOperations.IsString(calleeParameter.Type) &&
                        argument.ArgumentKind != ArgumentKind.DefaultValue &&
                        PassedParameter(argument.Value, body.Index, method) is { } passed)
                    {
                        edges.Add((passed.Ordinal, target.PartialImplementationPart ?? target.OriginalDefinition, calleeParameter.Ordinal));
                    }
                }
            }

            return new WrapperLinks(direct.ToImmutable(), edges.ToImmutable());
        }

        private sealed class WrapperLinks
        {
            public static readonly WrapperLinks None = new WrapperLinks(ImmutableArray<int>.Empty, ImmutableArray<(int, IMethodSymbol, int)>.Empty);

            public WrapperLinks(ImmutableArray<int> direct, ImmutableArray<(int From, IMethodSymbol Callee, int CalleeOrdinal)> edges)
            {
                Direct = direct;
                Edges = edges;
            }

            public ImmutableArray<int> Direct { get; }

            public ImmutableArray<(int From, IMethodSymbol Callee, int CalleeOrdinal)> Edges { get; }
        }

        private static IParameterSymbol? PassedParameter(IOperation text, MethodIndex index, IMethodSymbol method)
        {
            text = SqlOperations.Unwrap(text);
            if (text is ILocalReferenceOperation local)
            {
                var writes = index.WritesOf(local.Local);
                if (writes.Count != 1 || !writes[0].IsWhole)
                {
                    return null;
                }

                text = SqlOperations.Unwrap(writes[0].Value);
            }

            if (text is IParameterReferenceOperation parameterReference &&
                SymbolEqualityComparer.Default.Equals(parameterReference.Parameter.ContainingSymbol, method) &&
                SqlOperations.IsString(parameterReference.Parameter.Type))
            {
                return parameterReference.Parameter;
            }

            return null;
        }

        [MethodImpl(HotPath.Options)]
        private bool TryGetWrapperArgument(ImmutableArray<IArgumentOperation> arguments, IMethodSymbol method, out IOperation text)
        {
            text = null!;

            // Once a method's wrapper parameters are known, its calls are decided without looking at their arguments.
            var definition = method.PartialImplementationPart ?? method.OriginalDefinition;
            var known = _wrappers.TryGetValue(definition, out var knownOrdinals);
            if (known && knownOrdinals.IsEmpty)
            {
                return false;
            }

            // Only a call that hands over text built here can be reported as a wrapper sink: a constant or the caller's own
            // parameter passed on (_orders.FindByEmail(email)) cannot, so the wrapper search is skipped for it. That is most
            // calls between the services and repositories of a code base.
            var mayCarryBuiltText = false;
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && SqlOperations.IsString(parameter.Type) &&
                    argument.ArgumentKind != ArgumentKind.DefaultValue && MayCarryBuiltText(argument.Value))
                {
                    mayCarryBuiltText = true;
                    break;
                }
            }

            if (!mayCarryBuiltText)
            {
                return false;
            }

            // The syntax pre-pass only for a call that can be reported: most calls of a method hand over constants and
            // parameters, and a method whose calls never carry built text is never asked about.
            if (!known && !MayBeWrapper(definition, CancellationToken.None))
            {
                _wrappers.TryAdd(definition, ImmutableArray<int>.Empty);
                return false;
            }

            var ordinals = GetWrapperOrdinals(method, CancellationToken.None);
            foreach (var ordinal in ordinals)
            {
                var argument = ArgumentForOrdinal(arguments, ordinal);
                if (argument is not null)
                {
                    text = argument;
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A non-virtual auto-property that code outside its type can set (<c>public string Name { get; set; }</c>): the
        /// text evaluator reads it as one untrusted part, never as text built somewhere (<see cref="SqlMemberWrites"/>
        /// follows only members their own type writes).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static bool IsPublicAutoProperty(IPropertySymbol property) =>
            !property.IsAbstract && !property.IsVirtual && !property.IsOverride && property.Parameters.IsEmpty &&
            !SqlMemberWrites.IsWrittenOnlyByItsType(property) && SqlMemberWrites.IsAutoProperty(property, CancellationToken.None);

        private static bool HasNonConstantArgument(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (!SqlOperations.Unwrap(argument.Value).ConstantValue.HasValue)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a local can hold built text where it is read: it can unless it is declared with a value that cannot
        /// (<c>var name = reader.GetString(0)</c>, a library property, a parameter) and is never assigned again in its
        /// block — no <c>=</c>, <c>+=</c> or <c>??=</c>, no <c>ref</c>/<c>out</c> argument, no deconstruction. The text
        /// evaluator follows exactly those writes, so such a local is one untrusted value, never text built here. Read from
        /// the occurrences of its name in the block's text; anything else (a pattern, a <c>foreach</c> variable) may.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private bool LocalMayCarryBuiltText(ILocalSymbol local, IOperation reference)
        {
            // One answer per local: the calls of a body often pass the same local, and the answer reads the text of its block.
            if (_localsMayCarryBuiltText.TryGetValue(local, out var known))
            {
                return known;
            }

            var answer = ComputeLocalMayCarryBuiltText(local, reference);
            _localsMayCarryBuiltText.TryAdd(local, answer);
            return answer;
        }

        private readonly ConcurrentDictionary<ILocalSymbol, bool> _localsMayCarryBuiltText = new ConcurrentDictionary<ILocalSymbol, bool>(SymbolEqualityComparer.Default);

        [MethodImpl(HotPath.Options)]
        private bool ComputeLocalMayCarryBuiltText(ILocalSymbol local, IOperation reference)
        {
            if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model ||
                local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator ||
                declarator.Parent?.Parent is not LocalDeclarationStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement ||
                statement.Parent is not { } scope ||
                MayBeAssignedAgain(scope, declarator.Identifier.ValueText))
            {
                return true;
            }

            var value = model.GetOperation(initializer);
            return value is null || MayCarryBuiltText(value);
        }

        /// <summary>Whether <paramref name="scope"/> assigns a variable spelled <paramref name="name"/> anywhere (any variable of that name: a shadowing one counts too).</summary>
        [MethodImpl(HotPath.Options)]
        private static bool MayBeAssignedAgain(SyntaxNode scope, string name)
        {
            using var text = TextWindow.Of(scope, CancellationToken.None);
            foreach (var token in IdentifierTokens(scope, text, name))
            {
                if (token.Parent is not IdentifierNameSyntax identifier)
                {
                    continue;
                }

                SyntaxNode expression = identifier;
                while (expression.Parent is ParenthesizedExpressionSyntax)
                {
                    expression = expression.Parent;
                }

                switch (expression.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left == expression:
                    case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) || argument.Parent is TupleExpressionSyntax:
                    case RefExpressionSyntax:
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the argument can be text built at the call site, the only kind a wrapper call is reported for. Not a
        /// constant, not the caller's own parameter passed on, and not the result of a library call that only reads a
        /// value (<c>reader.GetString(0)</c>, <c>id.ToString()</c>, <c>User.FindFirstValue(...)</c>): the text evaluator
        /// sees text built only in string methods (<c>Format</c>, <c>Concat</c>, <c>Join</c>, <c>Replace</c>, ...),
        /// <c>StringBuilder.ToString()</c>, map lookups and the project's own helpers.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private bool MayCarryBuiltText(IOperation value)
        {
            var unwrapped = SqlOperations.Unwrap(value);
            if (unwrapped.ConstantValue.HasValue || unwrapped is IParameterReferenceOperation)
            {
                return false;
            }

            switch (unwrapped)
            {
                case IArrayElementReferenceOperation:
                    // parts[0]: an element read from an array is never text built here.
                    return false;
                case IPropertyReferenceOperation { Property: var property }:
                    // A library property only reads a value; the project's own properties may return or hold built text,
                    // except a plain auto-property anyone can set (a DTO's Name): the text evaluator follows the values of
                    // a member only its own type writes, so such a property is never built text where it is read.
                    return IsSourceAssembly(property.ContainingAssembly) && !IsPublicAutoProperty(property);
                case ILocalReferenceOperation { Local: var local }:
                    return LocalMayCarryBuiltText(local, unwrapped);
                case IInvocationOperation:
                    break;
                default:
                    return true;
            }

            var invocation = (IInvocationOperation)unwrapped;
            var method = invocation.TargetMethod;

            if (method.ContainingType?.SpecialType == SpecialType.System_String)
            {
                // string.Format/Concat/Join build; name.Trim() or name.ToUpper() carries what its receiver carries, and
                // template.Replace("{table}", table) what it is given too.
                return method.IsStatic || invocation.Instance is null || MayCarryBuiltText(invocation.Instance) || HasNonConstantArgument(invocation);
            }

            if (method.Name == "GetValueOrDefault" || IsSourceAssembly(method.ContainingAssembly))
            {
                return true;
            }

            return method.Name == "ToString" && invocation.Instance?.Type is { } receiver && StringBuilder is not null &&
                   SymbolEqualityComparer.Default.Equals(receiver, StringBuilder);
        }
    }
}
