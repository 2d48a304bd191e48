using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Sql
{
    /// <summary> Fields and properties of the compilation that hold or return SQL text.</summary>
    internal sealed partial class SqlTextEvaluator
    {
        private List<SqlSegment> EvalField(IOperation original, IFieldReferenceOperation field, Frame frame)
        {
            var symbol = field.Field;
            if (symbol.Name == "Empty" && symbol.ContainingType?.SpecialType == SpecialType.System_String)
            {
                return new List<SqlSegment>();
            }

            // var clause = await GetWhereClauseAsync(…); … clause.Query: the element of the tuple the local was given.
            if (symbol.ContainingType is { IsTupleType: true } && TupleElementIndex(symbol) is var index && index >= 0 &&
                SqlOperations.Unwrap(field.Instance!) is ILocalReferenceOperation tupleLocal)
            {
                if (frame.Index.OnlyValueBefore(tupleLocal.Local, tupleLocal.Syntax.SpanStart) is { } tupleValue)
                {
                    return EvalTupleElement(tupleValue, index, frame);
                }
            }

            if (frame.Depth < MaxDepth && _apis.IsSourceField(symbol) && EvalMemberWrites(symbol, frame) is { } written)
            {
                return written;
            }

            if (symbol.IsReadOnly && frame.Depth < MaxDepth && _apis.IsSourceField(symbol) && _visiting.Add(symbol))
            {
                try
                {
                    var body = _apis.GetBody(symbol, _cancellationToken);
                    if (body is not null)
                    {
                        var value = body.Root is IFieldInitializerOperation initializer ? initializer.Value : body.Root;
                        var segments = Eval(value, new Frame(body.Index, symbol.ContainingType, null, frame.Depth + 1));
                        if (WorstKind(segments) == HoleKind.Safe || IsConstantOnly(segments))
                        {
                            return segments;
                        }
                    }
                }
                finally
                {
                    _visiting.Remove(symbol);
                }
            }

            return HoleFor(original, field);
        }

        /// <summary>
        /// The values a member is given in each element of an array literal of object initializers (an anonymous type, or
        /// <c>new Target { Table = … }</c>), directly or through a local written once; null for any other collection or
        /// an element that does not set the member.
        /// </summary>
        private List<SqlSegment>? MemberOfEachElement(IOperation collection, string member, Frame frame)
        {
            collection = SqlOperations.Unwrap(collection);
            if (collection is ILocalReferenceOperation local)
            {
                if (frame.Index.OnlyValueBefore(local.Local, local.Syntax.SpanStart) is not { } value)
                {
                    return null;
                }

                collection = SqlOperations.Unwrap(value);
            }

            var items = collection switch
            {
                IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
                ICollectionExpressionOperation expression => expression.Elements,
                _ => default,
            };
            if (items.IsDefaultOrEmpty || items.Length > MaxSetElements)
            {
                return null;
            }

            var alternatives = new List<List<SqlSegment>>();
            foreach (var item in items)
            {
                var initializers = SqlOperations.Unwrap(item) switch
                {
                    IAnonymousObjectCreationOperation anonymous => anonymous.Initializers,
                    IObjectCreationOperation { Initializer: { } objectInitializer } => objectInitializer.Initializers,
                    _ => default,
                };
                if (initializers.IsDefault)
                {
                    return null;
                }

                List<SqlSegment>? value = null;
                foreach (var initializer in initializers)
                {
                    if (initializer is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment && target.Member.Name == member)
                    {
                        value = Eval(assignment.Value, frame);
                    }
                }

                if (value is null)
                {
                    return null;
                }

                alternatives.Add(value);
            }

            return alternatives.Count == 1 ? alternatives[0] : Choice(alternatives.ToArray());
        }

        /// <summary>The position of a tuple element (<c>Query</c> of <c>(string Query, …)</c> is 0); -1 when not known.</summary>
        private static int TupleElementIndex(IFieldSymbol field)
        {
            var name = (field.CorrespondingTupleField ?? field).Name;
            return name.StartsWith("Item", StringComparison.Ordinal) &&
                   int.TryParse(name.Substring(4), NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= 1
                ? position - 1
                : -1;
        }

        [MethodImpl(HotPath.Options)]
        private List<SqlSegment> EvalProperty(IOperation original, IPropertyReferenceOperation property, Frame frame)
        {
            var symbol = property.Property;

            if (symbol.Name == "NewLine" && symbol.IsStatic && symbol.ContainingType is { Name: "Environment", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return Text("\n");
            }

            // m.Groups["name"].Value: a piece of the text the expression was matched on, carrying only what that text carries.
            if (symbol.Name == "Value" && IsRegexType(symbol.ContainingType) && RegexInput(property.Instance, frame) is { } input)
            {
                var inner = Eval(input, frame);
                return IsConstantOnly(inner) ? Text("x") : inner;
            }

            // foreach (var t in new[] { new { Table = "Backup", Column = "TargetURL" }, … }) … t.Table: the member's value
            // in each element of the set.
            if (symbol.Parameters.IsEmpty && property.Instance is ILocalReferenceOperation { Local: var loopVariable } &&
                frame.Index.ForEachCollectionOf(loopVariable) is { } elements && MemberOfEachElement(elements, symbol.Name, frame) is { } values)
            {
                return values;
            }

            // template.RawSql of a SqlBuilder template (Dapper.SqlBuilder, or the copy of it many code bases keep): the text
            // the builder assembled from its template and clauses, each a text the code handed to the builder.
            if (symbol.Name == "RawSql" && symbol.ContainingType is { Name: "Template", ContainingType.Name: "SqlBuilder" })
            {
                return Hole(original, HoleKind.Safe);
            }

            // typeof(T).Name, GetType().Name, PropertyInfo.Name: names that come from the code, not from input.
            if (symbol.Name is "Name" or "FullName" && _apis.MemberInfo is not null && ProductionAnalyzers.Infrastructure.TypeHierarchy.DerivesFrom(symbol.ContainingType, _apis.MemberInfo))
            {
                return Hole(original, HoleKind.Safe);
            }

            if (frame.Depth < MaxDepth && !symbol.Parameters.IsEmpty && property.Instance is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } collection &&
                EvalCollectionElements(collection.Member, frame) is { } element)
            {
                // TableMap[type] of an ORM's map filled with constant table names.
                return element;
            }

            if (frame.Depth < MaxDepth && symbol.Parameters.IsEmpty && _apis.IsSourceProperty(symbol))
            {
                if (symbol.IsAbstract || symbol.IsVirtual || symbol.IsOverride)
                {
                    // A generic repository's TableName: constant in the base (if it has a body) and every override.
                    var implementations = new List<IPropertySymbol>();
                    var root = symbol;
                    while (root.OverriddenProperty is { } overridden)
                    {
                        root = overridden;
                    }

                    if (!root.IsAbstract)
                    {
                        implementations.Add(root);
                    }

                    implementations.AddRange(_apis.OverridesOf(root));
                    if (implementations.Count > 0 && implementations.Count <= 32)
                    {
                        var alternatives = new List<List<SqlSegment>>();
                        foreach (var implementation in implementations)
                        {
                            var value = EvalPropertyBody(implementation, frame);
                            if (value is null || !IsConstantOnly(value))
                            {
                                alternatives = null;
                                break;
                            }

                            alternatives.Add(value);
                        }

                        if (alternatives is not null)
                        {
                            return alternatives.Count == 1 ? alternatives[0] : Choice(alternatives.ToArray());
                        }
                    }
                }
                else if (SqlMemberWrites.IsAutoProperty(symbol, _cancellationToken) && EvalMemberWrites(symbol, frame) is { } written)
                {
                    return written;
                }
                else if (symbol.SetMethod is null || symbol.SetMethod.DeclaredAccessibility == Accessibility.Private && symbol.SetMethod.IsInitOnly)
                {
                    var value = EvalPropertyBody(symbol, frame);
                    if (value is not null && (WorstKind(value) == HoleKind.Safe || IsConstantOnly(value)))
                    {
                        return value;
                    }
                }
            }

            return HoleFor(original, property);
        }

        /// <summary>The text a get-only property returns (initializer, expression body or single return), or null.</summary>
        private List<SqlSegment>? EvalPropertyBody(IPropertySymbol symbol, Frame frame)
        {
            if (!_visiting.Add(symbol))
            {
                return null;
            }

            try
            {
                var body = symbol.GetMethod is { DeclaringSyntaxReferences.Length: 1 } getter &&
                           getter.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax accessor &&
                           (accessor.Body is not null || accessor.ExpressionBody is not null)
                    ? _apis.GetBody(getter, _cancellationToken)
                    : _apis.GetBody(symbol, _cancellationToken);
                if (body is null)
                {
                    return null;
                }

                var value = body.Root switch
                {
                    IPropertyInitializerOperation initializer => initializer.Value,
                    IBlockOperation { Operations.Length: 1 } block when block.Operations[0] is IReturnOperation { ReturnedValue: { } returned } => returned,
                    IMethodBodyOperation { BlockBody: { Operations.Length: 1 } block } when block.Operations[0] is IReturnOperation { ReturnedValue: { } returned } => returned,
                    IReturnOperation { ReturnedValue: { } returned } => returned,
                    _ => body.Root is IBlockOperation or IMethodBodyOperation ? null : body.Root,
                };

                return value is null ? null : Eval(value, new Frame(body.Index, symbol.ContainingType, null, frame.Depth + 1));
            }
            finally
            {
                _visiting.Remove(symbol);
            }
        }


        /// <summary>
        /// A field or auto-property only its own type writes (a script built in the constructor and run on every open):
        /// the alternatives of every value it is given, when they are all trusted or some of them is built text (then the
        /// text is reported where it is executed, naming the part it was built from). Null when it is not followed.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private List<SqlSegment>? EvalMemberWrites(ISymbol member, Frame frame)
        {
            if (!SqlMemberWrites.IsFollowed(member) || !_visiting.Add(member))
            {
                return null;
            }

            try
            {
                var writes = _apis.MemberWrites.WritesOf(member, _cancellationToken);
                if (writes is not { Length: > 0 } values)
                {
                    return null;
                }

                var builtBefore = Built;
                Built = false;
                var alternatives = new List<List<SqlSegment>>();
                foreach (var write in values)
                {
                    alternatives.Add(Eval(write.Value, new Frame(write.Index, member.ContainingType, null, frame.Depth + 1)));
                }

                var builtHere = Built;
                Built = builtBefore || builtHere;
                var result = alternatives.Count == 1 ? alternatives[0] : Choice(alternatives.ToArray());
                if (IsConstantOnly(result) || WorstKind(result) != HoleKind.Unsafe)
                {
                    return result;
                }

                if (builtHere)
                {
                    return result;
                }

                Built = builtBefore;
                return null;
            }
            finally
            {
                _visiting.Remove(member);
            }
        }
    
        /// <summary>
        /// An element read from a collection field or property of the compilation: the alternatives of every value put in
        /// (<see cref="SqlCollectionElements"/>), when they are all trusted. Null otherwise: the element is then one part
        /// read from a collection, as before.
        /// </summary>
        private List<SqlSegment>? EvalCollectionElements(ISymbol member, Frame frame)
        {
            if (!SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, _apis.Compilation.Assembly) || !_visiting.Add(member))
            {
                return null;
            }

            try
            {
                var values = _apis.CollectionElements.ElementsOf(member, _cancellationToken);
                if (values is not { Length: > 0 } writes)
                {
                    return null;
                }

                var builtBefore = Built;
                var alternatives = new List<List<SqlSegment>>();
                foreach (var write in writes)
                {
                    var value = Eval(write.Value, new Frame(write.Index, member.ContainingType, null, frame.Depth + 1));
                    if (!IsConstantOnly(value) && WorstKind(value) != HoleKind.Safe)
                    {
                        Built = builtBefore;
                        return null;
                    }

                    alternatives.Add(value);
                }

                Built = builtBefore;
                return alternatives.Count == 1 ? alternatives[0] : Choice(alternatives.ToArray());
            }
            finally
            {
                _visiting.Remove(member);
            }
        }

        /// <summary>
        /// True when <paramref name="parameter"/> belongs to an ordinary method of the compilation that only its callers can
        /// run (<see cref="SqlCallSites.IsJudgedByCallers"/>) and every call passes constant or trusted text for it (the
        /// <c>tableName</c> of <c>Mapper.Entity&lt;Series&gt;("Series")</c> registrations stored in a map). Memoised per compilation.
        /// </summary>
        private bool TrustedByMethodCalls(IParameterSymbol parameter)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method ||
                parameter.RefKind != RefKind.None || parameter.IsParams || !SqlCallSites.IsJudgedByCallers(method))
            {
                return false;
            }

            return Memoised(parameter, () =>
            {
                var calls = _apis.CallSites.CallsOf(method, _cancellationToken);
                return !calls.IsTooMany && !calls.Calls.IsEmpty &&
                       JudgeCalls(calls.Calls, parameter, MaxConstructorDepth);
            });
        }

        /// <summary>
        /// The answer of <paramref name="judge"/> for a parameter, memoised per compilation; false while the same parameter
        /// is being judged further up (a cycle).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private bool Memoised(IParameterSymbol parameter, Func<bool> judge)
        {
            var memo = _apis.CallSites.TrustedConstructorParameters;
            if (memo.TryGetValue(parameter, out var known))
            {
                return known;
            }

            if (!_visiting.Add(parameter))
            {
                return false;
            }

            try
            {
                var trusted = judge();
                memo.TryAdd(parameter, trusted);
                return trusted;
            }
            finally
            {
                _visiting.Remove(parameter);
            }
        }

        /// <summary>How many constructors up a parameter is followed (<c>: this(…)</c> chains passing it on).</summary>
        private const int MaxConstructorDepth = 3;

        /// <summary>
        /// True when <paramref name="parameter"/> belongs to a constructor of the compilation and every call of that
        /// constructor (<c>new</c>, <c>: base(…)</c>, <c>: this(…)</c>) passes constant or trusted text for it or leaves it
        /// at its default. A constructor nobody calls, or with more calls than the bound, is not trusted. Memoised per
        /// compilation.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private bool TrustedByConstructorCalls(IParameterSymbol parameter, int depth)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor } constructor ||
                parameter.RefKind != RefKind.None || parameter.IsParams || depth > MaxConstructorDepth ||
                constructor.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            return Memoised(parameter, () => JudgeConstructorCalls(constructor, parameter, depth));
        }

        [MethodImpl(HotPath.Options)]
        private bool JudgeConstructorCalls(IMethodSymbol constructor, IParameterSymbol parameter, int depth)
        {
            var calls = _apis.CallSites.ConstructorCallsOf(constructor, _cancellationToken);
            if (calls.IsTooMany || calls.Candidates.IsEmpty)
            {
                return false;
            }

            // The calls that write an argument for the parameter are bound and judged; the ones that leave it at its default
            // are trusted without binding, once one call of the constructor is known to exist (a constructor nobody calls
            // is not trusted).
            var writing = ImmutableArray.CreateBuilder<MethodCall>();
            var leftAtDefault = new List<int>();
            for (var i = 0; i < calls.Candidates.Length; i++)
            {
                if (calls.LeavesAtDefault(i, parameter))
                {
                    leftAtDefault.Add(i);
                }
                else if (calls.CallAt(i, _cancellationToken) is { } call)
                {
                    writing.Add(call);
                }
            }

            if (writing.Count > 0)
            {
                return JudgeCalls(writing.ToImmutable(), parameter, depth);
            }

            foreach (var index in leftAtDefault)
            {
                if (calls.CallAt(index, _cancellationToken) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when every call passes constant or trusted text for <paramref name="parameter"/> or leaves it at its default.</summary>
        private bool JudgeCalls(ImmutableArray<MethodCall> calls, IParameterSymbol parameter, int depth)
        {
            foreach (var methodCall in calls)
            {
                var call = methodCall.Call;
                var value = methodCall.ArgumentFor(parameter.Ordinal);
                if (value is null || value.ConstantValue.HasValue)
                {
                    // Left at its default, or a constant.
                    continue;
                }

                var root = call;
                while (root.Parent is { } parent)
                {
                    root = parent;
                }

                var evaluator = new SqlTextEvaluator(_apis, _cancellationToken);
                var segments = evaluator.Evaluate(value, MethodIndex.Build(new[] { root }), root.SemanticModel?.GetEnclosingSymbol(root.Syntax.SpanStart, _cancellationToken)?.ContainingType);
                if (evaluator.GaveUp)
                {
                    return false;
                }

                if (IsConstantOnly(segments) || WorstKind(segments) == HoleKind.Safe)
                {
                    continue;
                }

                // Passed on from the caller's own constructor parameter (: this(schema)): judged by that one's calls.
                if (segments.Count == 1 && segments[0] is HoleSegment { Parameter: { } outer } &&
                    TrustedByConstructorCalls(outer, depth + 1))
                {
                    continue;
                }

                return false;
            }

            return true;
        }
    }
}
