using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>How large a <see cref="LossyCache{TKey, TValue}"/> of a compilation is made.</summary>
    internal static class LossyCacheSize
    {
        private const int MinBits = 8;
        private const int SlotsPerFile = 16;

        /// <summary>
        /// About 16 slots per file of the compilation, at least 2^8, at most 2^<paramref name="maxBits"/>: a table sized for
        /// a 1,700-file tree (2^15 references, 256 KB) is allocated, zeroed and paged in by every compilation, which for a
        /// 50-file project cost more than its lookups, and a table that large is a large-object allocation each time.
        /// </summary>
        public static int Bits(Compilation compilation, int maxBits)
        {
            var files = 0;
            foreach (var unused in compilation.SyntaxTrees)
            {
                files++;
            }

            var bits = MinBits;
            while (bits < maxBits && (1L << bits) < (long)files * SlotsPerFile)
            {
                bits++;
            }

            return bits;
        }
    }

    /// <summary>
    /// A fixed-size, lock-free cache of the answers of a pure function, for the questions asked on every call of a code base
    /// (may this method be a sink, a logging call, is this type a command type). A slot holds one key and its answer; a
    /// key whose slot another key took is computed again. Reads and writes are one reference each, so threads never wait:
    /// a <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/> takes a lock and allocates a node
    /// for every new key, which on a compilation's tens of thousands of distinct methods cost more than the answers.
    /// Only for answers that depend on the key alone: whether a key was kept must never change a result.
    /// </summary>
    internal sealed class LossyCache<TKey, TValue>
        where TKey : class
    {
        private readonly Entry?[] _slots;
        private readonly int _mask;
        private readonly IEqualityComparer<TKey> _comparer;
        private readonly Func<TKey, TValue> _compute;

        /// <param name="bits">The cache holds 2^bits slots.</param>
        public LossyCache(int bits, IEqualityComparer<TKey> comparer, Func<TKey, TValue> compute)
        {
            _slots = new Entry?[1 << bits];
            _mask = (1 << bits) - 1;
            _comparer = comparer;
            _compute = compute;
        }

        [MethodImpl(HotPath.Options)]
        public TValue Get(TKey key)
        {
            var hash = _comparer.GetHashCode(key);
            var index = (hash ^ (hash >> 15)) & _mask;
            // A plain load: the entry is immutable and published whole by the write below, and taking the slot by reference
            // (Volatile.Read) costs an array covariance check on every look-up in shared generic code.
            var entry = _slots[index];
            if (entry is not null && entry.Hash == hash && _comparer.Equals(entry.Key, key))
            {
                return entry.Value;
            }

            var value = _compute(key);
            Volatile.Write(ref _slots[index], new Entry(key, hash, value));
            return value;
        }

        private sealed class Entry
        {
            public Entry(TKey key, int hash, TValue value)
            {
                Key = key;
                Hash = hash;
                Value = value;
            }

            public TKey Key { get; }

            public int Hash { get; }

            public TValue Value { get; }
        }
    }
}
