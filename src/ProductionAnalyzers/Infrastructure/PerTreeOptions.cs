using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>
    /// What a rule reads from one file's options (a flag, a word list), read once per tree for the compilation and asked
    /// from per-node callbacks. The last tree is answered first: a tree's nodes come one after another, and a syntax tree's
    /// hash code (an object's, kept in its header) is slow to read once the compiler has locked on the tree. The value is
    /// made by <c>read</c>, a delegate made once per compilation: a lambda at the call that captured the callback's context
    /// would cost every callback an allocation.
    /// </summary>
    internal sealed class PerTreeOptions<T>
    {
        private readonly AnalyzerOptions _options;
        private readonly Func<AnalyzerOptions, SyntaxTree, T> _read;
        private readonly ConcurrentDictionary<SyntaxTree, T> _byTree = new ConcurrentDictionary<SyntaxTree, T>();
        private Last? _last;

        public PerTreeOptions(AnalyzerOptions options, Func<AnalyzerOptions, SyntaxTree, T> read)
        {
            _options = options;
            _read = read;
        }

        [MethodImpl(HotPath.Options)]
        public T For(SyntaxTree tree)
        {
            var last = Volatile.Read(ref _last);
            if (last is not null && ReferenceEquals(last.Tree, tree))
            {
                return last.Value;
            }

            if (!_byTree.TryGetValue(tree, out var value))
            {
                value = _byTree.GetOrAdd(tree, _read(_options, tree));
            }

            Volatile.Write(ref _last, new Last(tree, value));
            return value;
        }

        private sealed class Last
        {
            public Last(SyntaxTree tree, T value)
            {
                Tree = tree;
                Value = value;
            }

            public SyntaxTree Tree { get; }

            public T Value { get; }
        }
    }
}
