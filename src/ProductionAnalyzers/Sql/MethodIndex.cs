using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Sql
{
    /// <summary>
    /// One write to a local: its initializer, an assignment, a compound <c>+=</c>, or one element of a deconstruction
    /// (<c>var (added, deleted) = GetSqls()</c>: <see cref="Value"/> is the whole value deconstructed).
    /// </summary>
    internal readonly struct LocalWrite
    {
        public LocalWrite(IOperation operation, IOperation value, bool compound, int tupleElement = -1)
        {
            Operation = operation;
            Value = value;
            Compound = compound;
            TupleElement = tupleElement;
        }

        /// <summary>The element of <see cref="Value"/> the local receives in a deconstruction; -1 for the whole value.</summary>
        public int TupleElement { get; }

        /// <summary>Whether the local receives <see cref="Value"/> itself (not a <c>+=</c> or a deconstructed element).</summary>
        public bool IsWhole => !Compound && TupleElement < 0;

        public IOperation Operation { get; }

        public IOperation Value { get; }

        public bool Compound { get; }

        public int Position => Operation.Syntax.SpanStart;
    }

    /// <summary>
    /// The writes to the locals of one method body (one walk over that body's operations), so that SQL text built in
    /// a local over several statements, or in a <c>StringBuilder</c>, can be followed without walking the body again.
    /// </summary>
    internal sealed class MethodIndex
    {
        private readonly Dictionary<ILocalSymbol, List<LocalWrite>> _writes = new Dictionary<ILocalSymbol, List<LocalWrite>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, List<IInvocationOperation>> _calls = new Dictionary<ISymbol, List<IInvocationOperation>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, IOperation> _forEachCollections = new Dictionary<ILocalSymbol, IOperation>(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> _escaped = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> _validated = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<string> _validatedExpressions = new HashSet<string>(System.StringComparer.Ordinal);

        private readonly object _gate = new object();
        private IOperation[]? _pending;

        private MethodIndex(IOperation[] roots)
        {
            _pending = roots;
        }

        /// <summary>
        /// The index of the bodies under <paramref name="roots"/>. The walk happens on the first question asked, so a
        /// sink whose text needs no local (a constant, a literal) never pays for it.
        /// </summary>
        public static MethodIndex Build(IEnumerable<IOperation> roots) => new MethodIndex(roots.Where(r => r is not null).ToArray());

        [MethodImpl(HotPath.Options)]
        private MethodIndex Ready()
        {
            if (Volatile.Read(ref _pending) is null)
            {
                return this;
            }

            lock (_gate)
            {
                if (_pending is { } roots)
                {
                    Walk(roots);
                    Volatile.Write(ref _pending, null);
                }
            }

            return this;
        }

        [MethodImpl(HotPath.Options)]
        private void Walk(IOperation[] roots)
        {
            foreach (var root in roots)
            {
                Add(root);
                foreach (var operation in root.Descendants())
                {
                    Add(operation);
                }
            }

            foreach (var list in _calls.Values)
            {
                // Chained calls (sb.Append(a).Append(b)) share a start; their ends are in execution order.
                list.Sort((a, b) => a.Syntax.Span.End.CompareTo(b.Syntax.Span.End));
            }

            foreach (var list in _writes.Values)
            {
                list.Sort((a, b) => a.Position.CompareTo(b.Position));
            }
        }

        [MethodImpl(HotPath.Options)]
        /// <summary>
        /// The value of a local given one whole value (its declaration or one assignment) before <paramref name="position"/>
        /// and never written again; null otherwise.
        /// </summary>
        public IOperation? OnlyValueBefore(ILocalSymbol local, int position)
        {
            var writes = WritesOf(local);
            return writes.Count == 1 && writes[0].IsWhole && writes[0].Position < position ? writes[0].Value : null;
        }

        public IReadOnlyList<LocalWrite> WritesOf(ILocalSymbol local) =>
            Ready()._writes.TryGetValue(local, out var list) ? list : (IReadOnlyList<LocalWrite>)System.Array.Empty<LocalWrite>();

        /// <summary>
        /// Instance calls whose receiver chain starts at the local or parameter (<c>sb.Append(x)</c>, <c>names.Add(x)</c>),
        /// and calls a <c>StringBuilder</c> is handed to (<c>AppendFilters(sb, filter)</c>), in execution order.
        /// </summary>
        public IReadOnlyList<IInvocationOperation> CallsOn(ISymbol local) =>
            Ready()._calls.TryGetValue(local, out var list) ? list : (IReadOnlyList<IInvocationOperation>)System.Array.Empty<IInvocationOperation>();

        public IOperation? ForEachCollectionOf(ILocalSymbol local) =>
            Ready()._forEachCollections.TryGetValue(local, out var collection) ? collection : null;

        /// <summary>The local is passed by <c>ref</c>/<c>out</c> or handed to another method (a builder filled elsewhere).</summary>
        public bool Escapes(ILocalSymbol local) => Ready()._escaped.Contains(local);

        /// <summary>
        /// The value was checked against an allow-list or map in a condition of this method
        /// (<c>Allowed.Contains(sort)</c>, <c>Columns.TryGetValue(sort, out var column)</c>, <c>IsValidColumn(sort)</c>), or is the
        /// value such a map lookup produced.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public bool IsValidated(IOperation operation)
        {
            Ready();
            operation = SqlOperations.Unwrap(operation);
            var symbol = operation switch
            {
                ILocalReferenceOperation local => (ISymbol)local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };

            if (symbol is not null && _validated.Contains(symbol))
            {
                return true;
            }

            return operation is IMemberReferenceOperation && _validatedExpressions.Count > 0 &&
                   _validatedExpressions.Contains(operation.Syntax.ToString());
        }

        private static bool IsValidationCall(IMethodSymbol method)
        {
            var name = method.Name;
            return name is "Contains" or "ContainsKey" or "IsMatch" or "IsDefined" or "TryGetValue" or "TryParse" or "Any" or "Exists" ||
                   name.StartsWith("IsValid", System.StringComparison.Ordinal) || name.StartsWith("IsAllowed", System.StringComparison.Ordinal) ||
                   name.StartsWith("IsKnown", System.StringComparison.Ordinal) || name.StartsWith("IsSafe", System.StringComparison.Ordinal) ||
                   name.StartsWith("IsSupported", System.StringComparison.Ordinal);
        }

        private static bool IsInCondition(IOperation operation)
        {
            for (IOperation? child = operation, parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when conditional.Condition == child:
                    case IWhileLoopOperation loop when loop.Condition == child:
                        return true;
                    case IBlockOperation:
                    case IMethodBodyOperation:
                    case IAnonymousFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        private void AddValidation(IInvocationOperation invocation)
        {
            if (!IsValidationCall(invocation.TargetMethod) || !IsInCondition(invocation))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                var value = SqlOperations.Unwrap(argument.Value);
                if (value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                {
                    // Columns.Any(c => c.Equals(sort, ...)) or Any(c => c == sort): the value compared with the element
                    // itself is checked against the list. (Any(o => o.Name == name) is a data lookup, not an allow-list.)
                    foreach (var inner in lambda.Body.Descendants())
                    {
                        IOperation? left = null;
                        IOperation? right = null;
                        switch (inner)
                        {
                            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                                left = equals.LeftOperand;
                                right = equals.RightOperand;
                                break;
                            case IInvocationOperation { TargetMethod.Name: "Equals" } call when call.Instance is not null && call.Arguments.Length >= 1:
                                left = call.Instance;
                                right = call.Arguments[0].Value;
                                break;
                            case IInvocationOperation { TargetMethod.Name: "Equals", TargetMethod.IsStatic: true } call when call.Arguments.Length >= 2:
                                left = call.Arguments[0].Value;
                                right = call.Arguments[1].Value;
                                break;
                        }

                        if (left is null || right is null)
                        {
                            continue;
                        }

                        left = SqlOperations.Unwrap(left);
                        right = SqlOperations.Unwrap(right);
                        var leftIsElement = left is IParameterReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Parameter.ContainingSymbol, lambda.Symbol);
                        var rightIsElement = right is IParameterReferenceOperation r && SymbolEqualityComparer.Default.Equals(r.Parameter.ContainingSymbol, lambda.Symbol);
                        var other = leftIsElement ? right : rightIsElement ? left : null;
                        switch (other)
                        {
                            case ILocalReferenceOperation captured:
                                _validated.Add(captured.Local);
                                break;
                            case IParameterReferenceOperation captured when !SymbolEqualityComparer.Default.Equals(captured.Parameter.ContainingSymbol, lambda.Symbol):
                                _validated.Add(captured.Parameter);
                                break;
                            case IMemberReferenceOperation member:
                                _validatedExpressions.Add(member.Syntax.ToString());
                                break;
                        }
                    }

                    continue;
                }

                if (argument.Parameter?.RefKind == RefKind.Out)
                {
                    // TryGetValue(key, out var column): the column comes from the map.
                    if (invocation.TargetMethod.Name == "TryGetValue")
                    {
                        var outSymbol = value switch
                        {
                            IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } => declared.Local,
                            ILocalReferenceOperation local => local.Local,
                            _ => null,
                        };
                        if (outSymbol is not null)
                        {
                            _validated.Add(outSymbol);
                        }
                    }

                    continue;
                }

                switch (value)
                {
                    case ILocalReferenceOperation local:
                        _validated.Add(local.Local);
                        break;
                    case IParameterReferenceOperation parameter:
                        _validated.Add(parameter.Parameter);
                        break;
                    case IMemberReferenceOperation member:
                        _validatedExpressions.Add(member.Syntax.ToString());
                        break;
                }
            }
        }

        /// <summary>
        /// Allow-lists written as patterns or comparisons with constants: <c>if (x is not ("a" or "b")) throw ...;</c>,
        /// <c>if (x != "ASC" &amp;&amp; x != "DESC") return;</c> (the branch taken when x is not one of the constants leaves),
        /// or <c>x is "a" or "b" ? x : "id"</c> (a conditional expression that yields the checked value when it is one of them).
        /// </summary>
        private void AddConstantSetGuard(IConditionalOperation conditional)
        {
            var exits = conditional.WhenFalse is null && Exits(conditional.WhenTrue);
            foreach (var (value, positive) in ConstantSetChecks(conditional.Condition, negated: false, exits))
            {
                // A positive check guards when its branch does not leave; a negative one only when its branch leaves.
                if (positive == exits)
                {
                    continue;
                }

                // x is "a" or "b" ? x : "id": only the branch that yields the checked value itself (a later, unrelated
                // use of x stays reported when the condition merely picked between constants).
                if (!exits && (conditional.Type is null || conditional.WhenTrue is null ||
                               SqlOperations.Unwrap(conditional.WhenTrue).Syntax.ToString() != SqlOperations.Unwrap(value).Syntax.ToString()))
                {
                    continue;
                }

                switch (SqlOperations.Unwrap(value))
                {
                    case ILocalReferenceOperation local:
                        _validated.Add(local.Local);
                        break;
                    case IParameterReferenceOperation parameter:
                        _validated.Add(parameter.Parameter);
                        break;
                    case IMemberReferenceOperation member:
                        _validatedExpressions.Add(member.Syntax.ToString());
                        break;
                }
            }
        }

        private static bool Exits(IOperation? branch)
        {
            while (branch is IBlockOperation block)
            {
                if (block.Operations.Length == 0)
                {
                    return false;
                }

                branch = block.Operations[block.Operations.Length - 1];
            }

            if (branch is IExpressionStatementOperation statement)
            {
                branch = statement.Operation;
            }

            return branch is IThrowOperation or IReturnOperation or IBranchOperation { BranchKind: BranchKind.Continue or BranchKind.Break };
        }

        /// <summary>
        /// The values a condition compares with a set of string constants, and whether the condition is true exactly when
        /// the value is one of them (positive) or exactly when it is not (negative). Operands of <c>||</c> are followed
        /// when the branch leaves (any of them makes it leave), operands of <c>&amp;&amp;</c> when it does not.
        /// </summary>
        private static IEnumerable<(IOperation Value, bool Positive)> ConstantSetChecks(IOperation condition, bool negated, bool exits)
        {
            condition = SqlOperations.Unwrap(condition);
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    foreach (var check in ConstantSetChecks(not.Operand, !negated, exits))
                    {
                        yield return check;
                    }

                    yield break;

                case IIsPatternOperation isPattern:
                    var kind = PatternSet(isPattern.Pattern);
                    if (kind is not null)
                    {
                        yield return (isPattern.Value, kind.Value != negated);
                    }

                    yield break;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.ConditionalAnd } logical:
                    var isOr = (logical.OperatorKind == BinaryOperatorKind.ConditionalOr) != negated;
                    var value = ComparedValue(logical, negated);
                    if (value is not null)
                    {
                        yield return value.Value;
                        yield break;
                    }

                    // (a || b) leaves when either does; (a && b) holds only when both do.
                    if (isOr == exits)
                    {
                        foreach (var check in ConstantSetChecks(logical.LeftOperand, negated, exits))
                        {
                            yield return check;
                        }

                        foreach (var check in ConstantSetChecks(logical.RightOperand, negated, exits))
                        {
                            yield return check;
                        }
                    }

                    yield break;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                    if (ComparedWithConstant(comparison) is { } compared)
                    {
                        yield return (compared, (comparison.OperatorKind == BinaryOperatorKind.Equals) != negated);
                    }

                    yield break;
            }
        }

        /// <summary><c>x == "a" || x == "b"</c> (positive) or <c>x != "a" &amp;&amp; x != "b"</c> (negative) on one value.</summary>
        private static (IOperation Value, bool Positive)? ComparedValue(IBinaryOperation logical, bool negated)
        {
            var operands = new List<IOperation>();
            var stack = new Stack<IOperation>();
            stack.Push(logical);
            while (stack.Count > 0)
            {
                var current = SqlOperations.Unwrap(stack.Pop());
                if (current is IBinaryOperation inner && inner.OperatorKind == logical.OperatorKind)
                {
                    stack.Push(inner.RightOperand);
                    stack.Push(inner.LeftOperand);
                }
                else
                {
                    operands.Add(current);
                }
            }

            var wanted = logical.OperatorKind == BinaryOperatorKind.ConditionalOr ? BinaryOperatorKind.Equals : BinaryOperatorKind.NotEquals;
            string? name = null;
            IOperation? value = null;
            foreach (var operand in operands)
            {
                if (operand is not IBinaryOperation comparison || comparison.OperatorKind != wanted || ComparedWithConstant(comparison) is not { } compared)
                {
                    return null;
                }

                var text = compared.Syntax.ToString();
                if (name is not null && name != text)
                {
                    return null;
                }

                name = text;
                value = compared;
            }

            return value is null ? null : (value, (wanted == BinaryOperatorKind.Equals) != negated);
        }

        private static IOperation? ComparedWithConstant(IBinaryOperation comparison)
        {
            var left = SqlOperations.Unwrap(comparison.LeftOperand);
            var right = SqlOperations.Unwrap(comparison.RightOperand);
            if (right.ConstantValue.Value is string && !left.ConstantValue.HasValue && SqlOperations.IsString(left.Type))
            {
                return left;
            }

            return left.ConstantValue.Value is string && !right.ConstantValue.HasValue && SqlOperations.IsString(right.Type) ? right : null;
        }

        /// <summary>True: the pattern matches only string constants; false: it matches all but string constants; null: neither.</summary>
        private static bool? PatternSet(IPatternOperation pattern)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    return constant.Value.ConstantValue.Value is string ? true : null;
                case INegatedPatternOperation negatedPattern:
                    return PatternSet(negatedPattern.Pattern) is { } inner ? !inner : null;
                case IBinaryPatternOperation binary:
                    var left = PatternSet(binary.LeftPattern);
                    var right = PatternSet(binary.RightPattern);
                    if (left is null || right is null || left != right)
                    {
                        return null;
                    }

                    // "a" or "b" is a set; not "a" and not "b" is its complement.
                    return binary.OperatorKind == BinaryOperatorKind.Or ? (left == true ? true : null) : (left == false ? false : null);
                default:
                    return null;
            }
        }

        [MethodImpl(HotPath.Options)]
        private void Add(IOperation operation)
        {
            if (operation is IInvocationOperation call)
            {
                AddValidation(call);
            }

            if (operation is IConditionalOperation conditional)
            {
                AddConstantSetGuard(conditional);
            }

            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    AddWrite(declarator.Symbol, new LocalWrite(declarator, initializer.Value, compound: false));
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    AddWrite(target.Local, new LocalWrite(assignment, assignment.Value, compound: false));
                    break;
                case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target, OperatorKind: BinaryOperatorKind.Add } compound:
                    AddWrite(target.Local, new LocalWrite(compound, compound.Value, compound: true));
                    break;
                case ICoalesceAssignmentOperation { Target: ILocalReferenceOperation target } coalesce:
                    AddWrite(target.Local, new LocalWrite(coalesce, coalesce.Value, compound: false));
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    AddDeconstruction(deconstruction);
                    break;
                case IForEachLoopOperation loop:
                    if (loop.LoopControlVariable is IVariableDeclaratorOperation variable)
                    {
                        _forEachCollections[variable.Symbol] = loop.Collection;
                    }

                    break;
                case IInvocationOperation invocation when invocation.Instance is not null:
                    var receiver = invocation.Instance;
                    while (true)
                    {
                        receiver = SqlOperations.Unwrap(receiver);
                        if (receiver is IInvocationOperation { Instance: { } inner } innerCall &&
                            SymbolEqualityComparer.Default.Equals(innerCall.TargetMethod.ContainingType, invocation.TargetMethod.ContainingType))
                        {
                            receiver = inner;
                            continue;
                        }

                        break;
                    }

                    var root = receiver switch
                    {
                        ILocalReferenceOperation local => (ISymbol)local.Local,
                        IParameterReferenceOperation parameter => parameter.Parameter,
                        _ => null,
                    };
                    if (root is not null)
                    {
                        AddCall(root, invocation);
                    }

                    break;
                case IArgumentOperation argument when SqlOperations.Unwrap(argument.Value) is ILocalReferenceOperation or IParameterReferenceOperation:
                    var passedValue = SqlOperations.Unwrap(argument.Value);
                    var passed = passedValue switch
                    {
                        ILocalReferenceOperation local => (ISymbol)local.Local,
                        IParameterReferenceOperation parameter => parameter.Parameter,
                        _ => null,
                    };
                    var passedType = passedValue.Type;
                    var isBuilder = passedType is INamedTypeSymbol { Name: "StringBuilder", ContainingNamespace.Name: "Text" };
                    if (passed is ILocalSymbol passedLocal && argument.Parameter is { } receiving && (receiving.RefKind != RefKind.None || isBuilder))
                    {
                        _escaped.Add(passedLocal);
                    }

                    var isCollection = passedType is INamedTypeSymbol named && named.SpecialType != SpecialType.System_String &&
                                       (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_ICollection_T ||
                                        named.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_ICollection_T));
                    if (passed is not null && (isBuilder || isCollection) && argument.Parent is IInvocationOperation handedTo &&
                        handedTo.TargetMethod.ContainingType is not { Name: "StringBuilder" } &&
                        !handedTo.TargetMethod.DeclaringSyntaxReferences.IsEmpty &&
                        !SymbolEqualityComparer.Default.Equals(handedTo.TargetMethod.ContainingType, passedType))
                    {
                        AddCall(passed, handedTo);
                    }

                    break;
            }
        }

        private void AddCall(ISymbol symbol, IInvocationOperation invocation)
        {
            if (!_calls.TryGetValue(symbol, out var calls))
            {
                _calls[symbol] = calls = new List<IInvocationOperation>();
            }

            calls.Add(invocation);
        }


        /// <summary><c>var (a, b) = value</c>, <c>(var a, var b) = value</c>, <c>(a, b) = value</c>: each local receives one element.</summary>
        private void AddDeconstruction(IDeconstructionAssignmentOperation deconstruction)
        {
            var target = deconstruction.Target is IDeclarationExpressionOperation { Expression: var declared } ? declared : deconstruction.Target;
            if (target is not ITupleOperation tuple)
            {
                return;
            }

            var value = SqlOperations.Unwrap(deconstruction.Value);
            for (var i = 0; i < tuple.Elements.Length; i++)
            {
                var element = tuple.Elements[i] is IDeclarationExpressionOperation { Expression: var inner } ? inner : tuple.Elements[i];
                if (element is ILocalReferenceOperation local)
                {
                    AddWrite(local.Local, value is ITupleOperation literal && literal.Elements.Length == tuple.Elements.Length
                        ? new LocalWrite(deconstruction, literal.Elements[i], compound: false)
                        : new LocalWrite(deconstruction, deconstruction.Value, compound: false, tupleElement: i));
                }
            }
        }
        private void AddWrite(ILocalSymbol local, LocalWrite write)
        {
            if (!_writes.TryGetValue(local, out var list))
            {
                _writes[local] = list = new List<LocalWrite>();
            }

            list.Add(write);
        }
    }
}
