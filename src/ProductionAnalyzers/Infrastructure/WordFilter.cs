using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>
    /// The words of one source text in a bit set (a Bloom filter): "may this text contain the identifier N?" answered
    /// without reading the text again. A "no" is certain; a "yes" is wrong for about one word in a hundred, and the caller
    /// then reads the text as it would have anyway. Built by one pass over the text, on first need, and kept with the tree
    /// (an unchanged file keeps its filter across the compilations of an IDE session).
    /// </summary>
    /// <remarks>
    /// A word is a run of ASCII letters, digits and <c>_</c>, and of any non-ASCII character that is not white space: an
    /// identifier token of C# is always one whole word of its text (a verbatim <c>@name</c> is the word <c>name</c>), so an
    /// identifier the filter says is absent cannot be in the text. Identifiers written with Unicode escapes are not words
    /// of the text; the text search that uses the filter does not find them either.
    /// </remarks>
    internal sealed class WordFilter
    {
        private const ulong OffsetBasis = 14695981039346656037;
        private const ulong Prime = 1099511628211;

        /// <summary>The most bits of one filter (2 MB of text and more share this size).</summary>
        private const int MaxBits = 1 << 24;

        private static readonly ConditionalWeakTable<SyntaxTree, WordFilter> ByTree = new ConditionalWeakTable<SyntaxTree, WordFilter>();
        private static readonly ConditionalWeakTable<SyntaxTree, WordFilter>.CreateValueCallback BuildForTree = tree => Build(tree.GetText().ToString());

        private readonly ulong[] _bits;
        private readonly ulong _mask;

        private WordFilter(ulong[] bits)
        {
            _bits = bits;
            _mask = (ulong)(bits.Length * 64) - 1;
        }

        /// <summary>The filter of a tree's text, built on first need and kept as long as the tree lives.</summary>
        [MethodImpl(HotPath.Options)]
        public static WordFilter Of(SyntaxTree tree) => ByTree.GetValue(tree, BuildForTree);

        /// <summary>Builds the filter of <paramref name="text"/>: about one bit per two characters, two bits per word.</summary>
        public static WordFilter Build(string text)
        {
            var size = 512;
            while (size < text.Length / 2 && size < MaxBits)
            {
                size <<= 1;
            }

            var bits = new ulong[size / 64];
            var mask = (ulong)size - 1;
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (!IsWordChar(c))
                {
                    i++;
                    continue;
                }

                var hash = OffsetBasis;
                do
                {
                    hash = (hash ^ c) * Prime;
                    i++;
                }
                while (i < text.Length && IsWordChar(c = text[i]));

                Set(bits, hash, mask);
            }

            return new WordFilter(bits);
        }

        /// <summary>False when <paramref name="word"/> is certainly not a word of the text.</summary>
        [MethodImpl(HotPath.Options)]
        public bool MayContain(string word)
        {
            if (word.Length == 0)
            {
                return true;
            }

            var hash = OffsetBasis;
            foreach (var c in word)
            {
                if (!IsWordChar(c))
                {
                    // Not one word (a caller's anchor with punctuation): the filter cannot tell.
                    return true;
                }

                hash = (hash ^ c) * Prime;
            }

            var first = hash & _mask;
            var second = (hash >> 32) & _mask;
            return (_bits[first >> 6] & (1UL << (int)(first & 63))) != 0 &&
                   (_bits[second >> 6] & (1UL << (int)(second & 63))) != 0;
        }

        private static void Set(ulong[] bits, ulong hash, ulong mask)
        {
            var first = hash & mask;
            var second = (hash >> 32) & mask;
            bits[first >> 6] |= 1UL << (int)(first & 63);
            bits[second >> 6] |= 1UL << (int)(second & 63);
        }

        [MethodImpl(HotPath.Options)]
        private static bool IsWordChar(char c) =>
            c < 128
                ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                : !char.IsWhiteSpace(c);
    }
}
