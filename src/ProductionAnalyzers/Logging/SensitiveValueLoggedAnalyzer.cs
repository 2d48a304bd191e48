using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Logging
{
    /// <summary>
    /// PA4004: a value written to a log (an argument of a logging call, a hole or part of its template, a member of an
    /// anonymous object passed to it, a value bound to a placeholder or a <c>[LoggerMessage]</c> parameter) whose name
    /// means a credential or a personal secret. Names that only mention a secret, and values whose type cannot carry it
    /// (bool, dates, enums, counts), are quiet; see <see cref="SensitiveNames"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SensitiveValueLoggedAnalyzer : ProductionAnalyzer
    {
        internal const string SensitiveWordsOption = "sensitive_words";
        internal const string AdditionalSensitiveWordsOption = "additional_sensitive_words";

        private static readonly HashSet<string> PassThroughMethods = new HashSet<string>
        {
            "ToString", "Trim", "TrimStart", "TrimEnd", "ToLower", "ToUpper", "ToLowerInvariant", "ToUpperInvariant",
            "Normalize", "AsSpan", "AsMemory", "ToArray", "ToCharArray", "GetValueOrDefault", "ToBase64String",
        };

        private static readonly char[] KeySeparators = { ':', '.', '/' };

        /// <summary>Value names that say nothing about the value: the placeholder's name decides for them.</summary>
        private static readonly HashSet<string> GenericNames = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
        {
            "input", "value", "val", "text", "str", "s", "x", "arg", "data", "raw", "item", "result", "entry", "param", "p", "v",
            "userInput", "inputValue", "plain", "plainText", "body", "content",
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SensitiveValueLogged);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var compilation = context.Compilation;
            var state = PerCompilation(() => LogCallResolver.Create(compilation) is { } resolver
                ? new CompilationState(resolver, WellKnownTypes.Get(compilation).Type("System.Guid"))
                : null);
            var cache = new ConcurrentDictionary<(string?, string?), SensitiveNames>();
            var names = new PerTreeOptions<SensitiveNames>(context.Options, (options, tree) => NamesOf(tree, options, cache));
            var templates = new ConcurrentDictionary<string, ParsedTemplate>(System.StringComparer.Ordinal);
            context.RegisterOperationAction(
                [MethodImpl(HotPath.Options)] (c) =>
                {
                    if (state.Value is { } resolved)
                    {
                        Analyze(c, resolved.Resolver, resolved.Guid, names, templates);
                    }
                },
                OperationKind.Invocation);
        }

        /// <summary>
        /// The word lists of the file's options; files with the same lists share one SensitiveNames (and its cache). Read
        /// once per tree (<see cref="PerTreeOptions{T}"/>).
        /// </summary>
        private static SensitiveNames NamesOf(
            SyntaxTree tree,
            AnalyzerOptions analyzerOptions,
            ConcurrentDictionary<(string?, string?), SensitiveNames> cache)
        {
            var options = RuleOptions.ForTree(analyzerOptions, tree, DiagnosticIds.SensitiveValueLogged);
            var key = (options.GetString(SensitiveWordsOption), options.GetString(AdditionalSensitiveWordsOption));
            return cache.GetOrAdd(key, k => k.Item1 is null && k.Item2 is null
                ? SensitiveNames.Default
                : SensitiveNames.Create(RuleOptions.ParseList(k.Item1), RuleOptions.ParseList(k.Item2)));
        }

        [MethodImpl(HotPath.Options)]
        private static void Analyze(
            OperationAnalysisContext context,
            LogCallResolver resolver,
            INamedTypeSymbol? guid,
            PerTreeOptions<SensitiveNames> namesByTree,
            ConcurrentDictionary<string, ParsedTemplate> templates)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!resolver.MayBeLogCall(invocation) || !LogCallResolver.MayCarryNonConstantText(invocation) ||
                !resolver.TryGetLogCall(invocation, out var call) || call is null || call.Kind == LogCallKind.Define)
            {
                return;
            }

            var names = namesByTree.For(invocation.Syntax.SyntaxTree);
            var checker = new Checker(context, names, guid);

            if (call.Template is not null)
            {
                checker.CheckTemplate(call.Template.Value);
            }

            foreach (var value in call.Values)
            {
                checker.Check(value, depth: 0);
            }

            // A neutral value bound to a placeholder or parameter that names a secret: {Password} ← input.
            if (call.Template is not null && call.Values.Length > 0 && call.ValuesKnown &&
                TemplateForms.Unwrap(call.Template.Value)?.ConstantValue is { HasValue: true, Value: string template })
            {
                var parsed = templates.TryGetValue(template, out var known)
                    ? known
                    : templates.Count < MaxCachedTemplates ? templates.GetOrAdd(template, t => ParsedTemplate.From(t)) : ParsedTemplate.From(template);
                var holes = parsed.Holes;
                var indexes = parsed.Indexes;
                for (var i = 0; i < holes.Length; i++)
                {
                    if (indexes[i] >= 0 && indexes[i] < call.Values.Length)
                    {
                        checker.CheckNamed(call.Values[indexes[i]], holes[i].Name, BoundTo.Placeholder);
                        if (holes[i].IsDestructured)
                        {
                            checker.CheckMembers(call.Values[indexes[i]], destructured: true);
                        }
                    }
                }
            }
            else if (call.Kind == LogCallKind.Generated && call.Method.MethodKind != MethodKind.DelegateInvoke)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is { } parameter && call.Values.Contains(argument.Value))
                    {
                        checker.CheckNamed(argument.Value, parameter.Name, BoundTo.Parameter);
                    }
                }
            }
        }

        /// <summary>At most this many distinct templates are remembered per compilation.</summary>
        private const int MaxCachedTemplates = 10000;

        /// <summary>A template's holes and the value each binds to, parsed once per distinct template text.</summary>
        private sealed class ParsedTemplate
        {
            private ParsedTemplate(ImmutableArray<TemplateHole> holes, int[] indexes)
            {
                Holes = holes;
                Indexes = indexes;
            }

            public ImmutableArray<TemplateHole> Holes { get; }

            public int[] Indexes { get; }

            [MethodImpl(HotPath.Options)]
            public static ParsedTemplate From(string template)
            {
                var holes = MessageTemplate.Parse(template);
                return new ParsedTemplate(holes, MessageTemplate.ValueIndexes(holes));
            }
        }

        /// <summary>What a checked value is bound to, when its own name is not the one that decides.</summary>
        private enum BoundTo
        {
            None,
            Placeholder,
            Parameter,
        }

        private sealed class CompilationState
        {
            public CompilationState(LogCallResolver resolver, INamedTypeSymbol? guid)
            {
                Resolver = resolver;
                Guid = guid;
            }

            public LogCallResolver Resolver { get; }

            public INamedTypeSymbol? Guid { get; }
        }

        private sealed class Checker
        {
            private readonly OperationAnalysisContext _context;
            private readonly SensitiveNames _names;
            private readonly INamedTypeSymbol? _guid;
            private HashSet<TextSpanKey>? _reported;

            public Checker(OperationAnalysisContext context, SensitiveNames names, INamedTypeSymbol? guid)
            {
                _context = context;
                _names = names;
                _guid = guid;
            }

            public void CheckTemplate(IOperation template)
            {
                var operation = TemplateForms.Unwrap(template);
                if (operation is IInterpolatedStringOperation or IBinaryOperation or IInvocationOperation)
                {
                    Check(operation, depth: 0);
                }
            }

            [MethodImpl(HotPath.Options)]
            public void Check(IOperation? operation, int depth)
            {
                operation = TemplateForms.Unwrap(operation);
                if (operation is null || depth > 5 || operation.ConstantValue.HasValue)
                {
                    return;
                }

                switch (operation)
                {
                    case IInterpolatedStringOperation interpolated:
                        foreach (var part in interpolated.Parts)
                        {
                            if (part is IInterpolationOperation hole)
                            {
                                Check(hole.Expression, depth + 1);
                            }
                        }

                        return;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                        Check(binary.LeftOperand, depth + 1);
                        Check(binary.RightOperand, depth + 1);
                        return;
                    case IInvocationOperation invocation when TemplateForms.IsStringBuildingMethod(invocation.TargetMethod):
                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                            {
                                foreach (var element in initializer.ElementValues)
                                {
                                    Check(element, depth + 1);
                                }
                            }
                            else
                            {
                                Check(argument.Value, depth + 1);
                            }
                        }

                        return;
                    case IAnonymousObjectCreationOperation anonymous:
                        foreach (var initializerPart in anonymous.Initializers)
                        {
                            if (initializerPart is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
                            {
                                if (!CheckNamed(assignment.Value, target.Property.Name, BoundTo.None))
                                {
                                    Check(assignment.Value, depth + 1);
                                }
                            }
                        }

                        return;
                    case IConditionalOperation conditional:
                        Check(conditional.WhenTrue, depth + 1);
                        Check(conditional.WhenFalse, depth + 1);
                        return;
                }

                if (!CheckNamed(operation, NameOf(operation, 0), BoundTo.None))
                {
                    CheckMembers(operation, destructured: false);
                }
            }

            /// <summary>
            /// An object of the application's own type whose properties are written out: destructured with <c>{@X}</c>, or a
            /// record (its generated <c>ToString()</c> prints every property). Reported when one property is sensitive.
            /// </summary>
            [MethodImpl(HotPath.Options)]
            public bool CheckMembers(IOperation operation, bool destructured)
            {
                var unwrapped = TemplateForms.Unwrap(operation) ?? operation;
                if (unwrapped.Type is not INamedTypeSymbol type || type.SpecialType != SpecialType.None ||
                    type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsAnonymousType || (!destructured && !type.IsRecord))
                {
                    return false;
                }

                for (var current = type; current is not null && IsInSource(current); current = current.BaseType)
                {
                    foreach (var member in current.GetMembers())
                    {
                        if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } property)
                        {
                            continue;
                        }

                        var kind = _names.Classify(property.Name);
                        if (kind == SensitiveKind.None || !CanCarrySecret(property.Type, kind))
                        {
                            continue;
                        }

                        var syntax = unwrapped.Syntax;
                        if (!(_reported ??= new HashSet<TextSpanKey>()).Add(new TextSpanKey(syntax.SpanStart, syntax.Span.Length)))
                        {
                            return true;
                        }

                        _context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.SensitiveValueLogged,
                            syntax.GetLocation(),
                            Shorten(syntax.ToString()) + "' with its member '" + property.Name,
                            KindText(kind)));
                        return true;
                    }
                }

                return false;
            }

            private static bool IsInSource(INamedTypeSymbol type)
            {
                foreach (var location in type.Locations)
                {
                    if (location.IsInSource)
                    {
                        return true;
                    }
                }

                return false;
            }

            private static string Shorten(string text) => text.Length > 60 ? text.Substring(0, 57) + "..." : text;

            private static string KindText(SensitiveKind kind) => kind switch
            {
                SensitiveKind.Credential => "credential",
                SensitiveKind.PersonalSecret => "personal secret",
                _ => "sensitive value",
            };

            /// <summary>Reports <paramref name="operation"/> when <paramref name="name"/> is sensitive and its type can carry the secret.</summary>
            [MethodImpl(HotPath.Options)]
            public bool CheckNamed(IOperation operation, string? name, BoundTo boundTo)
            {
                var unwrapped = TemplateForms.Unwrap(operation) ?? operation;
                if (unwrapped.ConstantValue.HasValue || name is null)
                {
                    return false;
                }

                var kind = _names.Classify(name);
                if (kind == SensitiveKind.None || !CanCarrySecret(unwrapped.Type, kind))
                {
                    return false;
                }

                // Under a sensitive placeholder or parameter, a value with a telling name of its own says what it really is
                // (secretName, secret.Name, maskedCardNumber); only generic names (input, value, text) take the placeholder's.
                var ownName = NameOf(unwrapped, 0);
                if (ownName is not null && boundTo != BoundTo.None && _names.Classify(ownName) == SensitiveKind.None &&
                    !GenericNames.Contains(ownName))
                {
                    return false;
                }

                var syntax = unwrapped.Syntax;
                if (!(_reported ??= new HashSet<TextSpanKey>()).Add(new TextSpanKey(syntax.SpanStart, syntax.Span.Length)))
                {
                    return true;
                }

                var text = syntax.ToString();
                if (text.Length > 60)
                {
                    text = text.Substring(0, 57) + "...";
                }

                if (boundTo != BoundTo.None)
                {
                    // The message names the placeholder ({Password}) or the [LoggerMessage] parameter (password); the text is
                    // made only here, when reporting.
                    text = text + "' bound to '" + (boundTo == BoundTo.Placeholder ? "{" + name + "}" : name);
                }

                _context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SensitiveValueLogged,
                    syntax.GetLocation(),
                    text,
                    kind switch
                    {
                        SensitiveKind.Credential => "credential",
                        SensitiveKind.PersonalSecret => "personal secret",
                        _ => "sensitive value",
                    }));
                return true;
            }

            private bool CanCarrySecret(ITypeSymbol? type, SensitiveKind kind)
            {
                if (type is null)
                {
                    return false;
                }

                if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
                {
                    type = nullable.TypeArguments[0];
                }

                switch (type.SpecialType)
                {
                    case SpecialType.System_String:
                    case SpecialType.System_Object:
                        return true;
                    case SpecialType.System_Boolean:
                    case SpecialType.System_DateTime:
                        return false;
                    case SpecialType.System_Int16:
                    case SpecialType.System_Int32:
                    case SpecialType.System_Int64:
                    case SpecialType.System_UInt16:
                    case SpecialType.System_UInt32:
                    case SpecialType.System_UInt64:
                    case SpecialType.System_Decimal:
                        return kind is SensitiveKind.PersonalSecret or SensitiveKind.Configured;
                }

                if (type.TypeKind == TypeKind.Dynamic)
                {
                    return true;
                }

                if (type is IArrayTypeSymbol array)
                {
                    return array.ElementType.SpecialType is SpecialType.System_Char or SpecialType.System_Byte;
                }

                if (_guid is not null && SymbolEqualityComparer.Default.Equals(type, _guid))
                {
                    return true;
                }

                if (type.TypeKind == TypeKind.Enum || type.TypeKind == TypeKind.TypeParameter || type.TypeKind == TypeKind.Error)
                {
                    return false;
                }

                if (type is INamedTypeSymbol { IsGenericType: true } generic && generic.Name is "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory" &&
                    generic.TypeArguments[0].SpecialType == SpecialType.System_Char)
                {
                    return true;
                }

                if ((type.Name == "StringBuilder" && type.ContainingNamespace?.ToDisplayString() == "System.Text") ||
                    (type.Name == "StringValues" && type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Primitives"))
                {
                    return true;
                }

                return kind == SensitiveKind.Configured && type.IsValueType && type.Name is "DateOnly" or "DateTimeOffset";
            }

            private static string? NameOf(IOperation? operation, int depth)
            {
                operation = TemplateForms.Unwrap(operation);
                if (operation is null || depth > 4)
                {
                    return null;
                }

                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        return local.Local.Name;
                    case IParameterReferenceOperation parameter:
                        return parameter.Parameter.Name;
                    case IFieldReferenceOperation field:
                        return field.Field.Name;
                    case IPropertyReferenceOperation property:
                        if (property.Property.IsIndexer)
                        {
                            if (property.Arguments.Length == 1 && property.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key })
                            {
                                var separator = key.LastIndexOfAny(KeySeparators);
                                return separator >= 0 ? key.Substring(separator + 1) : key;
                            }

                            return NameOf(property.Instance, depth + 1);
                        }

                        return property.Property.Name;
                    case IInvocationOperation invocation:
                        if (PassThroughMethods.Contains(invocation.TargetMethod.Name))
                        {
                            var receiver = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                            return NameOf(receiver, depth + 1);
                        }

                        return invocation.TargetMethod.Name;
                    case IConditionalAccessOperation conditional:
                        return NameOf(conditional.WhenNotNull, depth + 1);
                    case ICoalesceOperation coalesce:
                        return NameOf(coalesce.Value, depth + 1);
                    case IAwaitOperation awaited:
                        return NameOf(awaited.Operation, depth + 1);
                    case IArrayElementReferenceOperation element:
                        return NameOf(element.ArrayReference, depth + 1);
                    default:
                        return null;
                }
            }
        }

        private readonly struct TextSpanKey : System.IEquatable<TextSpanKey>
        {
            private readonly int _start;
            private readonly int _length;

            public TextSpanKey(int start, int length)
            {
                _start = start;
                _length = length;
            }

            public bool Equals(TextSpanKey other) => _start == other._start && _length == other._length;

            public override bool Equals(object? obj) => obj is TextSpanKey other && Equals(other);

            public override int GetHashCode() => (_start * 397) ^ _length;
        }
    }
}
