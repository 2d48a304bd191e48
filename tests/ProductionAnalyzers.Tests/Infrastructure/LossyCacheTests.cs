using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProductionAnalyzers.Infrastructure;
using Xunit;

namespace ProductionAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// The lossy cache keeps the per-call answers of the SQL and logging rules: it must answer like the function it caches
    /// whatever it kept, compute each key once while the key keeps its slot, and stay correct when threads race on a slot.
    /// </summary>
    public class LossyCacheTests
    {
        private sealed class Key
        {
            public Key(string name, int hash)
            {
                Name = name;
                Hash = hash;
            }

            public string Name { get; }

            public int Hash { get; }
        }

        /// <summary>Equal by name, hashed by a chosen number: lets a test put two keys in one slot.</summary>
        private sealed class ByName : IEqualityComparer<Key>
        {
            public bool Equals(Key? x, Key? y) => x?.Name == y?.Name;

            public int GetHashCode(Key obj) => obj.Hash;
        }

        [Fact]
        public void AKeyThatKeepsItsSlot_IsComputedOnce()
        {
            var computed = 0;
            var cache = new LossyCache<Key, string>(4, new ByName(), key =>
            {
                computed++;
                return key.Name.ToUpperInvariant();
            });

            var orders = new Key("orders", 1);
            Assert.Equal("ORDERS", cache.Get(orders));
            Assert.Equal("ORDERS", cache.Get(orders));
            Assert.Equal("ORDERS", cache.Get(new Key("orders", 1)));
            Assert.Equal(1, computed);
        }

        [Fact]
        public void TwoKeysInOneSlot_EachGetsItsOwnAnswer_TheLoserIsComputedAgain()
        {
            var computed = new List<string>();
            var cache = new LossyCache<Key, int>(2, new ByName(), key =>
            {
                computed.Add(key.Name);
                return key.Name.Length;
            });

            // Same hash, different keys: one slot, and never the other key's answer.
            var a = new Key("a", 7);
            var bbb = new Key("bbb", 7);
            Assert.Equal(1, cache.Get(a));
            Assert.Equal(3, cache.Get(bbb));
            Assert.Equal(1, cache.Get(a));
            Assert.Equal(new[] { "a", "bbb", "a" }, computed);
        }

        [Fact]
        public void KeysWithTheSameLowBits_AreSpreadOverSlots()
        {
            // Hash codes that differ only above the mask (object hash codes often do) must not all share slot 0.
            var computed = 0;
            var cache = new LossyCache<Key, int>(4, new ByName(), key =>
            {
                computed++;
                return key.Hash;
            });
            var keys = Enumerable.Range(1, 8).Select(i => new Key("k" + i, i << 16)).ToList();
            foreach (var key in keys)
            {
                Assert.Equal(key.Hash, cache.Get(key));
            }

            var afterFirstPass = computed;
            foreach (var key in keys)
            {
                Assert.Equal(key.Hash, cache.Get(key));
            }

            Assert.Equal(8, afterFirstPass);
            Assert.True(computed - afterFirstPass < 4, $"{computed - afterFirstPass} of 8 keys recomputed: the slots are not spread");
        }

        [Fact]
        public void ThreadsRacingOnFewSlots_AlwaysGetTheFunctionsAnswer()
        {
            var cache = new LossyCache<Key, string>(1, new ByName(), key => "v:" + key.Name);
            var keys = Enumerable.Range(0, 64).Select(i => new Key("n" + i, i)).ToArray();
            var wrong = 0;
            Parallel.For(0, 8, worker =>
            {
                for (var i = 0; i < 20_000; i++)
                {
                    var key = keys[(i * 7 + worker) % keys.Length];
                    if (cache.Get(key) != "v:" + key.Name)
                    {
                        Interlocked.Increment(ref wrong);
                    }
                }
            });

            Assert.Equal(0, wrong);
        }

        [Fact]
        public void ATable_IsSizedByTheCompilation_WithinItsBounds()
        {
            // About 16 slots per file: a one-file project gets the smallest table, a large tree the largest its cache allows.
            static Microsoft.CodeAnalysis.Compilation WithFiles(int count) => Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "Sized",
                Enumerable.Range(0, count).Select(i => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText($"class C{i} {{ }}")));

            Assert.Equal(8, LossyCacheSize.Bits(WithFiles(1), 15));
            Assert.Equal(10, LossyCacheSize.Bits(WithFiles(48), 15));
            Assert.Equal(11, LossyCacheSize.Bits(WithFiles(100), 15));
            Assert.Equal(12, LossyCacheSize.Bits(WithFiles(1000), 12));
            Assert.Equal(15, LossyCacheSize.Bits(WithFiles(1800), 15));
            Assert.Equal(14, LossyCacheSize.Bits(WithFiles(1800), 14));
        }
    }
}
