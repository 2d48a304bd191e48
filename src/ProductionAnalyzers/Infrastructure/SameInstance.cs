using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>
    /// Compares by reference: the key comparer of the caches asked on every call of a code base whose keys are symbols
    /// the compiler never duplicates — the definition of a method (<c>OriginalDefinition</c>) and an assembly of the
    /// compilation. Roslyn hands out one object per such symbol, so reference equality is symbol equality there, without
    /// the layers <see cref="Microsoft.CodeAnalysis.SymbolEqualityComparer"/> goes through. Were a symbol ever handed out
    /// twice, its answer would be computed twice, never wrong.
    /// </summary>
    internal sealed class SameInstance<T> : IEqualityComparer<T>
        where T : class
    {
        public static readonly SameInstance<T> Comparer = new SameInstance<T>();

        private SameInstance()
        {
        }

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
