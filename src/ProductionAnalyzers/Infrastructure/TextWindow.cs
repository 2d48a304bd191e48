using System;
using System.Buffers;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>
    /// The text of one node, copied into a pooled buffer for word searches (<see cref="IndexOf"/>), returned to the pool on
    /// <see cref="Dispose"/>. Taking the text as a string would allocate a copy of the whole body on every question, and
    /// the searches run for hundreds of bodies per compilation.
    /// </summary>
    internal readonly struct TextWindow : IDisposable
    {
        private readonly char[] _chars;

        private TextWindow(char[] chars, int start, int length)
        {
            _chars = chars;
            Start = start;
            Length = length;
        }

        /// <summary>The position of the first character in the tree's text.</summary>
        public int Start { get; }

        public int Length { get; }

        public char this[int index] => _chars[index];

        public static TextWindow Of(SyntaxNode node, CancellationToken cancellationToken)
        {
            var span = node.Span;
            var chars = ArrayPool<char>.Shared.Rent(Math.Max(span.Length, 1));
            node.SyntaxTree.GetText(cancellationToken).CopyTo(span.Start, chars, 0, span.Length);
            return new TextWindow(chars, span.Start, span.Length);
        }

        /// <summary>The index of the first occurrence of <paramref name="value"/> (ordinal) at or after <paramref name="from"/>; -1 when none.</summary>
        public int IndexOf(string value, int from)
        {
            if (from >= Length)
            {
                return -1;
            }

            var index = new ReadOnlySpan<char>(_chars, from, Length - from).IndexOf(value.AsSpan());
            return index < 0 ? -1 : from + index;
        }

        public void Dispose()
        {
            if (_chars is not null)
            {
                ArrayPool<char>.Shared.Return(_chars);
            }
        }
    }
}
