using System.Collections.Generic;
using System.Text;

namespace ProductionAnalyzers.Sql
{
    /// <summary>How much a non-constant part of SQL text can be trusted.</summary>
    internal enum HoleKind
    {
        /// <summary>Always safe: quoted identifiers, sanitizer output, placeholder lists (<c>@p0, @p1</c>).</summary>
        Safe,

        /// <summary>A type that cannot carry SQL (numbers, bool, Guid, dates, enums); reported only in strict mode.</summary>
        SafeType,

        /// <summary>Text that can carry SQL.</summary>
        Unsafe,
    }

    /// <summary>One piece of SQL text as the analyzer sees it: constant text, a non-constant part, or alternatives.</summary>
    internal abstract class SqlSegment
    {
    }

    internal sealed class TextSegment : SqlSegment
    {
        public TextSegment(string text) => Text = text;

        public string Text { get; }
    }

    internal sealed class HoleSegment : SqlSegment
    {
        /// <summary>The part's expression, when its name and origin are read from it on first need (most parts are never reported).</summary>
        private readonly Microsoft.CodeAnalysis.IOperation? _source;
        private string? _name;
        private string? _origin;
        private bool _originKnown;

        public HoleSegment(string name, HoleKind kind, Microsoft.CodeAnalysis.SyntaxNode? syntax = null, string? origin = null, Microsoft.CodeAnalysis.IParameterSymbol? parameter = null, bool elementOfParameter = false)
        {
            _name = name;
            Kind = kind;
            Syntax = syntax;
            _origin = origin;
            _originKnown = true;
            Parameter = parameter;
            IsElementOfParameter = elementOfParameter && parameter is not null;
        }

        /// <summary>
        /// A part named after <paramref name="source"/>; an untrusted one says where it comes from (<see cref="SqlOrigin"/>)
        /// unless <paramref name="describeOrigin"/> is false.
        /// </summary>
        public HoleSegment(Microsoft.CodeAnalysis.IOperation source, HoleKind kind, bool describeOrigin = true)
        {
            _source = source;
            Kind = kind;
            Syntax = source.Syntax;
            _originKnown = !describeOrigin || kind != HoleKind.Unsafe;
        }

        private HoleSegment(HoleSegment part, Microsoft.CodeAnalysis.IParameterSymbol parameter, bool elementOfParameter)
        {
            _source = part._source;
            _name = part._name;
            _origin = part._origin;
            _originKnown = part._originKnown;
            Kind = part.Kind;
            Syntax = part.Syntax;
            Parameter = parameter;
            IsElementOfParameter = elementOfParameter;
        }

        /// <summary>The same part, as (an element of) a parameter of the method being analyzed: judged at its call sites.</summary>
        public HoleSegment OfParameter(Microsoft.CodeAnalysis.IParameterSymbol parameter, bool elementOfParameter = false) =>
            new HoleSegment(this, parameter, elementOfParameter);

        /// <summary>
        /// The part is an element of <see cref="Parameter"/> (a collection the method loops over): the callers are judged by
        /// the elements of the collections they pass.
        /// </summary>
        public bool IsElementOfParameter { get; }

        /// <summary>Where the untrusted part comes from, for the message (<c>a configuration value</c>), or null when unknown.</summary>
        public string? Origin
        {
            get
            {
                if (!_originKnown)
                {
                    _origin = SqlOrigin.Describe(_source!);
                    _originKnown = true;
                }

                return _origin;
            }
        }

        /// <summary>
        /// The parameter of the method being analyzed that the part is (at the outermost level, not inside a followed
        /// helper): judged by the method's call sites.
        /// </summary>
        public Microsoft.CodeAnalysis.IParameterSymbol? Parameter { get; }

        public string Name => _name ??= SqlOperations.DisplayName(_source!);

        public HoleKind Kind { get; }

        /// <summary>Where the part is written in the code (shown as an additional location when it is not at the sink).</summary>
        public Microsoft.CodeAnalysis.SyntaxNode? Syntax { get; }
    }

    /// <summary>The text is one of several alternatives (branches, ternaries, switch arms).</summary>
    internal sealed class ChoiceSegment : SqlSegment
    {
        public ChoiceSegment(IReadOnlyList<IReadOnlyList<SqlSegment>> alternatives) => Alternatives = alternatives;

        public IReadOnlyList<IReadOnlyList<SqlSegment>> Alternatives { get; }
    }

    /// <summary>A reportable part with its SQL position.</summary>
    internal readonly struct ClassifiedHole
    {
        public ClassifiedHole(HoleSegment hole, SqlPosition position)
        {
            Hole = hole;
            Position = position;
        }

        public HoleSegment Hole { get; }

        public SqlPosition Position { get; }
    }

    /// <summary>Walks a segment list in text order and classifies every reportable part.</summary>
    internal static class SqlTextWalker
    {
        public static List<ClassifiedHole> Classify(IReadOnlyList<SqlSegment> segments, bool strict)
        {
            var result = new List<ClassifiedHole>();
            Walk(segments, new StringBuilder(), strict, result, 0);
            return result;
        }

        public static bool IsReportable(HoleSegment hole, bool strict) =>
            hole.Kind == HoleKind.Unsafe || (strict && hole.Kind == HoleKind.SafeType);

        private static void Walk(IReadOnlyList<SqlSegment> segments, StringBuilder before, bool strict, List<ClassifiedHole> result, int depth, string outerAfter = "")
        {
            for (var i = 0; i < segments.Count; i++)
            {
                switch (segments[i])
                {
                    case TextSegment text:
                        before.Append(text.Text);
                        break;
                    case HoleSegment hole:
                        if (IsReportable(hole, strict))
                        {
                            var after = FollowingText(segments, i + 1, outerAfter);
                            result.Add(new ClassifiedHole(hole, SqlPositionClassifier.Classify(before.ToString(), after)));
                        }

                        before.Append(hole.Kind == HoleKind.Unsafe ? "?" : "0");
                        break;
                    case ChoiceSegment choice:
                        if (depth > 32)
                        {
                            break;
                        }

                        var follow = FollowingText(segments, i + 1, outerAfter);
                        string? chosen = null;
                        foreach (var alternative in choice.Alternatives)
                        {
                            var copy = new StringBuilder(before.ToString());
                            var start = copy.Length;
                            Walk(alternative, copy, strict, result, depth + 1, follow);
                            if (alternative.Count > 0)
                            {
                                chosen = copy.ToString(start, copy.Length - start);
                            }
                        }

                        if (chosen is not null)
                        {
                            before.Append(chosen);
                        }

                        break;
                }
            }
        }

        private static string FollowingText(IReadOnlyList<SqlSegment> segments, int start, string outerAfter)
        {
            var builder = new StringBuilder();
            var i = start;
            for (; i < segments.Count && builder.Length < 64; i++)
            {
                if (segments[i] is TextSegment text)
                {
                    builder.Append(text.Text);
                }
                else
                {
                    break;
                }
            }

            if (i >= segments.Count)
            {
                builder.Append(outerAfter);
            }

            return builder.ToString();
        }
    }
}
