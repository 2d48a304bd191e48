using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>
    /// Finds the few places of the compilation a compilation-wide question is about (a fallback policy, the call sites of an
    /// endpoint module, the assignments of a builder field) by searching the source text for the names involved, and only
    /// then looks at the syntax and binds it. No tree is walked node by node; a semantic model is made only for a tree
    /// that contains one of the names, and kept for the compilation.
    /// </summary>
    internal sealed class SourceSearch
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();

        public SourceSearch(Compilation compilation) => _compilation = compilation;

        [MethodImpl(HotPath.Options)]
        public SemanticModel Model(SyntaxTree tree) => _models.TryGetValue(tree, out var known) ? known : _models.GetOrAdd(tree, CreateModel(tree));

#pragma warning disable RS1030 // A tree that holds one of the searched names is bound once per compilation and its model cached.
        [MethodImpl(HotPath.Options)]
        private SemanticModel CreateModel(SyntaxTree tree) => _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

        /// <summary>
        /// The identifier tokens of <paramref name="trees"/> (all trees when null) that contain one of <paramref name="anchors"/>
        /// and are spelled as one of <paramref name="names"/>; each token once. At most <paramref name="limit"/> tokens: null when
        /// there are more (the question is then too broad to answer).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public List<SyntaxToken>? Identifiers(
            IReadOnlyList<string> anchors,
            Func<string, bool> names,
            IEnumerable<SyntaxTree>? trees,
            int limit,
            CancellationToken cancellationToken) =>
            Search(anchors, names, trees, filtered: false, wholeWords: false, limit, cancellationToken);

        /// <summary>
        /// How many whole-compilation searches for names read every text before the search reads only the texts whose
        /// <see cref="WordFilter"/> may hold one of the names. A code base asks a handful of questions (no filter is built);
        /// one that asks one per helper or endpoint module — their number grows with the code — would otherwise read the
        /// whole compilation per question, a cost that grows with the square of its size.
        /// </summary>
        public const int SearchesBeforeFilters = 4;

        private int _wholeSearches;

        /// <summary>
        /// The identifier tokens spelled exactly as one of <paramref name="names"/> (each token once), in <paramref name="trees"/>
        /// or in every tree of the compilation when null; null when there are more than <paramref name="limit"/>. Past
        /// <see cref="SearchesBeforeFilters"/> such questions about the whole compilation, a tree whose word filter does not
        /// hold any of the names is not read.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public List<SyntaxToken>? IdentifiersNamed(
            IReadOnlyList<string> names,
            IEnumerable<SyntaxTree>? trees,
            int limit,
            CancellationToken cancellationToken)
        {
            var filtered = trees is null && Interlocked.Increment(ref _wholeSearches) > SearchesBeforeFilters;
            return Search(names, name => Contains(names, name), trees, filtered, wholeWords: true, limit, cancellationToken);
        }

        [MethodImpl(HotPath.Options)]
        private List<SyntaxToken>? Search(
            IReadOnlyList<string> anchors,
            Func<string, bool> names,
            IEnumerable<SyntaxTree>? trees,
            bool filtered,
            bool wholeWords,
            int limit,
            CancellationToken cancellationToken)
        {
            var found = new List<SyntaxToken>();
            foreach (var tree in trees ?? _compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (filtered && !MayContainAny(WordFilter.Of(tree), anchors))
                {
                    continue;
                }

                if (!SearchTree(tree, anchors, names, wholeWords, found, limit, cancellationToken))
                {
                    return null;
                }
            }

            return found;
        }

        [MethodImpl(HotPath.Options)]
        private static bool MayContainAny(WordFilter filter, IReadOnlyList<string> words)
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (filter.MayContain(words[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Contains(IReadOnlyList<string> names, string name)
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (names[i] == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Adds the matching identifiers of one tree to <paramref name="found"/>; false when the limit is passed. With
        /// <paramref name="wholeWords"/> (the anchors are the names themselves), an anchor that the text continues on either
        /// side (<c>Repository</c> inside <c>IUserRepository</c>) is not looked up in the tree: the identifier there is longer
        /// than the name. With <paramref name="words"/>, the anchors begin words: the word at each occurrence is read whole on
        /// the text and looked up only when it is one of <paramref name="words"/> (and the token must be that word). Only
        /// occurrences inside <paramref name="span"/> count, when given. Its own small
        /// method: the search loop runs once per tree, so the runtime compiles it optimised before the next tree instead of
        /// replacing a long-running unoptimised loop in the middle of a run (on-stack replacement, a one-time cost of milliseconds).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static bool SearchTree(
            SyntaxTree tree,
            IReadOnlyList<string> anchors,
            Func<string, bool>? names,
            bool wholeWords,
            List<SyntaxToken> found,
            int limit,
            CancellationToken cancellationToken,
            IReadOnlyList<string>? words = null,
            TextSpan? span = null)
        {
            var text = tree.GetText(cancellationToken).ToString();
            SyntaxNode? root = null;
            HashSet<int>? seen = null;
            for (var a = 0; a < anchors.Count; a++)
            {
                var anchor = anchors[a];
                for (var index = text.IndexOf(anchor, StringComparison.Ordinal); index >= 0; index = text.IndexOf(anchor, index + anchor.Length, StringComparison.Ordinal))
                {
                    var end = index + anchor.Length;
                    if (span is { } within && !within.Contains(index))
                    {
                        continue;
                    }

                    if (words is not null)
                    {
                        if (ContinuesWord(text, index - 1))
                        {
                            continue;
                        }

                        while (ContinuesWord(text, end))
                        {
                            end++;
                        }

                        if (!IsOneOf(text, index, end - index, words))
                        {
                            continue;
                        }
                    }
                    else if (wholeWords && (ContinuesWord(text, index - 1) || ContinuesWord(text, end)))
                    {
                        continue;
                    }

                    root ??= tree.GetRoot(cancellationToken);
                    var token = root.FindToken(index);
                    if (!token.IsKind(SyntaxKind.IdentifierToken) || (names is not null && !names(token.ValueText)) ||
                        (words is not null && (token.SpanStart != index || token.Span.Length != end - index)))
                    {
                        continue;
                    }

                    seen ??= new HashSet<int>();
                    if (seen.Add(token.SpanStart))
                    {
                        if (found.Count == limit)
                        {
                            return false;
                        }

                        found.Add(token);
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// The identifier tokens of one tree spelled as one of <paramref name="names"/>, each of which begins with one of
        /// <paramref name="prefixes"/> (inside <paramref name="span"/> when given); null when there is none. The text is searched
        /// for the prefixes, each occurrence read as a whole word on the text, and only a word that is one of the names is looked
        /// up in the tree (a name in a comment or a string is not an identifier token there). For a rule about a few calls
        /// known by name: one callback per tree reads the file's text, instead of one callback per call of the code base.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public static List<SyntaxToken>? WordsInTree(
            SyntaxTree tree,
            IReadOnlyList<string> prefixes,
            IReadOnlyList<string> names,
            TextSpan? span,
            CancellationToken cancellationToken)
        {
            var found = new List<SyntaxToken>();
            SearchTree(tree, prefixes, null, wholeWords: false, found, int.MaxValue, cancellationToken, names, span);
            return found.Count == 0 ? null : found;
        }

        private static bool IsOneOf(string text, int start, int length, IReadOnlyList<string> names)
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (names[i].Length == length && string.CompareOrdinal(text, start, names[i], 0, length) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A letter, digit or underscore at <paramref name="index"/>: an identifier there runs on past the searched name.</summary>
        private static bool ContinuesWord(string text, int index) =>
            index >= 0 && index < text.Length && (char.IsLetterOrDigit(text[index]) || text[index] == '_');

        /// <summary>The invocation an identifier names the method of (<c>x.Name(...)</c>, <c>Name(...)</c>, <c>x.Name&lt;T&gt;(...)</c>).</summary>
        public static InvocationExpressionSyntax? InvocationOf(SyntaxToken identifier)
        {
            SyntaxNode? name = identifier.Parent;
            if (name is not SimpleNameSyntax)
            {
                return null;
            }

            var callee = name.Parent is MemberAccessExpressionSyntax memberAccess && memberAccess.Name == name ? memberAccess : name;
            return callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee ? invocation : null;
        }

        /// <summary>
        /// The assignment an identifier names the target of: <c>x.Name = …</c>, <c>Name += …</c>, <c>x?.Name = …</c>, or
        /// <c>{ Name = … }</c> in an object initializer.
        /// </summary>
        public static AssignmentExpressionSyntax? AssignmentTo(SyntaxToken identifier) =>
            AccessOf(identifier) is { } target && target.Parent is AssignmentExpressionSyntax assignment && assignment.Left == target ? assignment : null;

        /// <summary>The call an identifier names the method of: <c>Name(…)</c>, <c>x.Name(…)</c>, <c>x?.Name(…)</c>.</summary>
        public static InvocationExpressionSyntax? CallOf(SyntaxToken identifier) =>
            AccessOf(identifier) is { } callee && callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee ? invocation : null;

        /// <summary>The expression an identifier stands for as a member: <c>Name</c>, <c>x.Name</c> or <c>?.Name</c>.</summary>
        private static ExpressionSyntax? AccessOf(SyntaxToken identifier)
        {
            if (identifier.Parent is not SimpleNameSyntax name)
            {
                return null;
            }

            return name.Parent switch
            {
                MemberAccessExpressionSyntax access when access.Name == name => access,
                MemberBindingExpressionSyntax binding when binding.Name == name => binding,
                _ => name,
            };
        }

        /// <summary>The expression an identifier stands for as a member: <c>Name</c> or <c>x.Name</c>.</summary>
        public static ExpressionSyntax? MemberExpressionOf(SyntaxToken identifier)
        {
            if (identifier.Parent is not SimpleNameSyntax name)
            {
                return null;
            }

            return name.Parent is MemberAccessExpressionSyntax memberAccess && memberAccess.Name == name ? memberAccess : name;
        }
    }
}
