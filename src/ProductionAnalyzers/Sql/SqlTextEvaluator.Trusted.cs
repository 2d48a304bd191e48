using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionAnalyzers.Sql
{
    /// <summary>Text the program makes itself: hex of bytes, scripts embedded in the assembly, elements of constant sets.</summary>
    internal sealed partial class SqlTextEvaluator
    {
        /// <summary><c>BitConverter.ToString(bytes)</c>, <c>Convert.ToHexString(bytes)</c>: only hex digits and dashes.</summary>
        private static bool IsHexOfBytes(IMethodSymbol method) =>
            method.IsStatic &&
            method.ContainingType is { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } type &&
            ((type.Name == "BitConverter" && method.Name == "ToString") ||
             (type.Name == "Convert" && method.Name is "ToHexString" or "ToHexStringLower"));

        /// <summary>
        /// <c>reader.ReadToEnd()</c> (or <c>ReadToEndAsync</c>) of a reader over <c>GetManifestResourceStream(...)</c>, directly or
        /// through locals of the method: a script shipped inside the assembly.
        /// </summary>
        private bool IsEmbeddedResourceRead(IInvocationOperation invocation, Frame frame, int depth)
        {
            if (invocation.TargetMethod.Name is not ("ReadToEnd" or "ReadToEndAsync") || invocation.Instance is null)
            {
                return false;
            }

            return IsFrom(invocation.Instance, frame, depth, IsResourceReader);
        }

        private bool IsResourceReader(IOperation value, Frame frame, int depth) =>
            value is IObjectCreationOperation { Arguments.Length: > 0 } creation &&
            creation.Type?.Name == "StreamReader" &&
            IsFrom(creation.Arguments[0].Value, frame, depth, IsResourceStream);

        private static bool IsResourceStream(IOperation value, Frame frame, int depth) =>
            value is IInvocationOperation { TargetMethod.Name: "GetManifestResourceStream" };

        /// <summary>The value, or every value a local of the method is given before its use, satisfies <paramref name="test"/>.</summary>
        private static bool IsFrom(IOperation value, Frame frame, int depth, System.Func<IOperation, Frame, int, bool> test)
        {
            var unwrapped = SqlOperations.Unwrap(value);
            if (unwrapped is not ILocalReferenceOperation local)
            {
                return test(unwrapped, frame, depth + 1);
            }

            if (depth > 3)
            {
                return false;
            }

            var any = false;
            foreach (var write in frame.Index.WritesOf(local.Local))
            {
                if (write.Position >= local.Syntax.SpanStart)
                {
                    break;
                }

                if (!write.IsWhole || !test(SqlOperations.Unwrap(write.Value), frame, depth + 1))
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        /// <summary>An element of a collection that holds only constants (<c>Tables[i]</c> of <c>static readonly string[] Tables = { ... }</c>).</summary>
        private List<SqlSegment>? EvalConstantElement(IOperation collection, Frame frame)
        {
            var elements = EvalSequence(collection, frame, 0);
            if (elements is null || elements.Count == 0 || !elements.TrueForAll(IsConstantOnly))
            {
                return null;
            }

            return elements.Count == 1 ? elements[0] : Choice(elements.ToArray());
        }

        /// <summary>
        /// The text a regular-expression match was made on, for a value read from the match: <c>m.Value</c>,
        /// <c>m.Groups["x"].Value</c>, <c>g.Captures[0].Value</c> of a match from <c>Regex.Match(input, …)</c>,
        /// <c>regex.Match(input)</c>, <c>NextMatch()</c>, or an element of <c>Regex.Matches(input, …)</c> (a foreach
        /// variable, an indexer, <c>Cast&lt;Match&gt;()</c>). A match's text is a piece of its input and carries only what
        /// the input carries. Null when the chain leads anywhere else.
        /// </summary>
        private static IOperation? RegexInput(IOperation? operation, Frame frame)
        {
            for (var step = 0; operation is not null && step < 12; step++)
            {
                operation = SqlOperations.Unwrap(operation);
                switch (operation)
                {
                    case IPropertyReferenceOperation { Instance: { } instance } property when IsRegexType(property.Property.ContainingType):
                        // m.Groups, groups["x"], g.Captures, matches[0]
                        operation = instance;
                        break;
                    case IInvocationOperation invocation when IsRegexType(invocation.TargetMethod.ContainingType):
                        switch (invocation.TargetMethod.Name)
                        {
                            case "Match" or "Matches":
                                foreach (var argument in invocation.Arguments)
                                {
                                    if (argument.Parameter?.Name == "input")
                                    {
                                        return argument.Value;
                                    }
                                }

                                return null;
                            case "NextMatch":
                                operation = invocation.Instance;
                                break;
                            default:
                                return null;
                        }

                        break;
                    case IInvocationOperation { TargetMethod: { IsExtensionMethod: true } method } invocation when
                        method.Name is "Cast" or "OfType" or "ToList" or "ToArray" or "Where" or "First" or "FirstOrDefault" or "Single" or
                            "SingleOrDefault" or "Last" or "LastOrDefault" or "ElementAt" or "Skip" or "Take" &&
                        method.ContainingType is { Name: "Enumerable", ContainingNamespace.Name: "Linq" } && invocation.Arguments.Length > 0:
                        operation = invocation.Arguments[0].Value;
                        break;
                    case ILocalReferenceOperation local:
                        if (frame.Index.ForEachCollectionOf(local.Local) is { } collection)
                        {
                            operation = collection;
                            break;
                        }

                        // A local given one match and never written again.
                        if (frame.Index.OnlyValueBefore(local.Local, local.Syntax.SpanStart) is not { } match)
                        {
                            return null;
                        }

                        operation = match;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static bool IsRegexType(INamedTypeSymbol? type) =>
            type is { ContainingNamespace: { Name: "RegularExpressions", ContainingNamespace: { Name: "Text", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };
    }
}
