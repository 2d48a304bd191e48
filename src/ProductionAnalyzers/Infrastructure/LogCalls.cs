using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>What kind of logging call a <see cref="LogCall"/> is.</summary>
    internal enum LogCallKind
    {
        /// <summary>A call that writes an event from a message template (<c>LogInformation</c>, <c>Information</c>, <c>Info</c>, <c>Write</c>, <c>Log</c>).</summary>
        Event,

        /// <summary>MEL <c>BeginScope(string messageFormat, params object[] args)</c>, or <c>ILogger.BeginScope&lt;string&gt;(state)</c>.</summary>
        Scope,

        /// <summary>MEL <c>LoggerMessage.Define*</c>/<c>DefineScope*</c>: a template without values.</summary>
        Define,

        /// <summary>A method of the user's code marked <c>[MessageTemplateFormatMethod]</c> (Serilog, NLog wrappers).</summary>
        Wrapper,

        /// <summary>A <c>[LoggerMessage]</c> method or a <c>LoggerMessage.Define</c> delegate: values without a template at the call site.</summary>
        Generated,

        /// <summary>
        /// A plain message without a template: log4net's <c>Info(object message[, Exception exception])</c>. Its text can
        /// still carry an exception or a secret, but it is not a template (PA4001 does not apply).
        /// </summary>
        Message,

        /// <summary>
        /// A method of the user's code with the shape <c>(…, string message, params object[] args)</c> that hands the message
        /// to a logging call as its template (or an abstract/interface logging method of that shape, e.g. <c>IAppLogger&lt;T&gt;</c>).
        /// </summary>
        PassThrough,
    }

    /// <summary>One logging call, split into the parts the logging rules look at.</summary>
    internal sealed class LogCall
    {
        public LogCall(
            IInvocationOperation invocation,
            LoggingFramework framework,
            LogCallKind kind,
            IArgumentOperation? template,
            IArgumentOperation? exception,
            ImmutableArray<IOperation> values,
            bool valuesKnown)
        {
            Invocation = invocation;
            Framework = framework;
            Kind = kind;
            Template = template;
            Exception = exception;
            Values = values;
            ValuesKnown = valuesKnown;
        }

        public IInvocationOperation Invocation { get; }

        public IMethodSymbol Method => Invocation.TargetMethod;

        public LoggingFramework Framework { get; }

        public LogCallKind Kind { get; }

        /// <summary>The message-template argument, or null (generated methods, delegates).</summary>
        public IArgumentOperation? Template { get; }

        /// <summary>The argument given to the exception parameter, or null when the called overload has none.</summary>
        public IArgumentOperation? Exception { get; }

        /// <summary>The values bound to the template's placeholders (params elements unwrapped), in order.</summary>
        public ImmutableArray<IOperation> Values { get; }

        /// <summary>False when the values were passed as one array expression and cannot be listed.</summary>
        public bool ValuesKnown { get; }
    }

    /// <summary>How calls to one method are logging calls: computed once per method and compilation.</summary>
    internal sealed class CallShape
    {
        public static readonly CallShape None = new CallShape(null, LoggingFramework.None, -1);

        public static readonly CallShape Generated = new CallShape(LogCallKind.Generated, LoggingFramework.MicrosoftExtensionsLogging, -1);

        public CallShape(LogCallKind? kind, LoggingFramework framework, int templateOrdinal)
        {
            Kind = kind;
            Framework = framework;
            TemplateOrdinal = templateOrdinal;
        }

        /// <summary>The kind of call, or null when calls to the method are not logging calls.</summary>
        public LogCallKind? Kind { get; }

        public LoggingFramework Framework { get; }

        /// <summary>The ordinal of the template parameter (-1 for generated methods and delegates).</summary>
        public int TemplateOrdinal { get; }
    }

    /// <summary>
    /// The package's one logging model for a compilation, read by the exceptions family (a catch that logs handles the
    /// exception), the logging family and every fix that writes a logging call. From the framework descriptions
    /// (<see cref="LoggingFrameworks"/>) it answers "is this a logger?" (<see cref="FrameworkOf"/>), "is this call a logging
    /// call?" (<see cref="IsLoggingCall"/>: any call on a logger, System.Diagnostics tracing included) and, for the
    /// template frameworks (Microsoft.Extensions.Logging, Serilog, NLog with its fluent API, log4net), "where are this
    /// call's template, exception and values?" (<see cref="TryGetLogCall"/>), by the framework's own parameter contract:
    /// MEL's <c>LoggerExtensions</c> <c>message</c>/<c>messageFormat</c> and <c>LoggerMessage</c> <c>formatString</c>;
    /// Serilog's and NLog's <c>[MessageTemplateFormatMethod("…")]</c> parameter (which also covers the user's own wrappers),
    /// Serilog's <c>messageTemplate</c>, NLog's <c>message</c>, log4net's <c>format</c>/<c>message</c>. One instance per
    /// compilation (<see cref="Get"/>), shared by all rules, so each type and method is classified once.
    /// </summary>
    internal sealed class LogCallResolver
    {
        private static readonly ConditionalWeakTable<Compilation, LogCallResolver> Cache = new ConditionalWeakTable<Compilation, LogCallResolver>();
        private static readonly ConditionalWeakTable<Compilation, LogCallResolver>.CreateValueCallback CreateForCompilation =
            c => new LogCallResolver(WellKnownTypes.Get(c), c.Assembly);

        /// <summary>The logger types of the frameworks the compilation references, with their framework.</summary>
        private readonly ImmutableArray<(INamedTypeSymbol Type, LoggingFramework Framework)> _loggerTypes;
        private readonly bool _hasLoggingFramework;
        private readonly IAssemblySymbol _sourceAssembly;
        private readonly INamedTypeSymbol? _melLoggerExtensions;
        private readonly INamedTypeSymbol? _melLoggerMessage;
        private readonly INamedTypeSymbol? _melILogger;
        private readonly INamedTypeSymbol? _melLoggerMessageAttribute;
        private readonly INamedTypeSymbol? _exception;
        private readonly INamedTypeSymbol? _formatProvider;
        /// <summary>The simple names of the static logger classes the compilation references (Serilog's <c>Log</c>).</summary>
        private readonly ImmutableArray<string> _staticLoggerNames;
        private readonly INamedTypeSymbol? _fluentBuilder;
        /// <summary>Where <c>[MessageTemplateFormatMethod]</c> is declared (Serilog.Core and NLog).</summary>
        private static readonly string[] TemplateAttributeAssemblies = LoggingFrameworks.TemplateAttributeAssemblies;

        /// <summary>Where <c>[LoggerMessage]</c> is declared.</summary>
        private static readonly string[] LoggerMessageAttributeAssemblies = LoggingFrameworks.GeneratedMethodAttributeAssemblies;

        private readonly ConcurrentDictionary<IAssemblySymbol, AssemblyAnswers> _assemblyAnswers = new ConcurrentDictionary<IAssemblySymbol, AssemblyAnswers>(SameInstance<IAssemblySymbol>.Comparer);
        private readonly System.Func<IAssemblySymbol, AssemblyAnswers> _computeAssemblyAnswers;
        private readonly ConcurrentDictionary<IMethodSymbol, int?> _passThrough = new ConcurrentDictionary<IMethodSymbol, int?>(SymbolEqualityComparer.Default);
        // Shapes of method definitions (keyed by reference: one object per definition) and of the few constructed methods
        // whose type arguments decide the shape (BeginScope<TState>, a delegate's Invoke), keyed by symbol equality.
        // Lossy caches (LossyCache): asked on every call of a code base, with one new key per method it calls.
        private readonly LossyCache<IMethodSymbol, CallShape> _shapes;
        private readonly LossyCache<IMethodSymbol, CallShape> _constructedShapes;
        private readonly LossyCache<IMethodSymbol, bool> _exceptionOverloads;
        private readonly LossyCache<ITypeSymbol, LoggingFramework> _typeFrameworks;

        private LogCallResolver(WellKnownTypes types, IAssemblySymbol sourceAssembly)
        {
            _sourceAssembly = sourceAssembly;
            var loggerTypes = ImmutableArray.CreateBuilder<(INamedTypeSymbol, LoggingFramework)>();
            var staticLoggerNames = ImmutableArray.CreateBuilder<string>();
            foreach (var description in LoggingFrameworks.All)
            {
                if (description.StaticLoggerType is { } staticLogger && types.Type(staticLogger) is not null)
                {
                    staticLoggerNames.Add(description.StaticLoggerName!);
                }

                foreach (var name in description.LoggerTypes)
                {
                    if (types.Type(name) is { } type)
                    {
                        loggerTypes.Add((type, description.Framework));
                        _hasLoggingFramework |= !description.IsDiagnostics;
                    }
                }
            }

            _loggerTypes = loggerTypes.ToImmutable();
            _melLoggerExtensions = types.Type(LoggingFrameworks.MelLoggerExtensions);
            _melLoggerMessage = types.Type(LoggingFrameworks.MelLoggerMessage);
            _melILogger = types.Type(LoggingFrameworks.MelILogger);
            _melLoggerMessageAttribute = types.Type(LoggingFrameworks.MicrosoftExtensionsLogging.GeneratedMethodAttributeType!);
            _exception = types.Type("System.Exception");
            _formatProvider = types.Type("System.IFormatProvider");
            _staticLoggerNames = staticLoggerNames.ToImmutable();
            _fluentBuilder = types.Type(LoggingFrameworks.NLogLogEventBuilder);
            _shapes = new LossyCache<IMethodSymbol, CallShape>(LossyCacheSize.Bits(types.Compilation, 14), SameInstance<IMethodSymbol>.Comparer, ComputeShape);
            _constructedShapes = new LossyCache<IMethodSymbol, CallShape>(LossyCacheSize.Bits(types.Compilation, 10), SymbolEqualityComparer.Default, ComputeShape);
            _exceptionOverloads = new LossyCache<IMethodSymbol, bool>(LossyCacheSize.Bits(types.Compilation, 10), SymbolEqualityComparer.Default, ComputeExceptionOverload);
            _typeFrameworks = new LossyCache<ITypeSymbol, LoggingFramework>(LossyCacheSize.Bits(types.Compilation, 12), SymbolEqualityComparer.Default, ComputeFrameworkOf);
            _computeAssemblyAnswers = ComputeAssemblyAnswers;
        }

        /// <summary>The model of this compilation (created on first use, then shared by every rule and fix).</summary>
        public static LogCallResolver Get(Compilation compilation) => Cache.GetValue(compilation, CreateForCompilation);

        /// <summary>
        /// The model of this compilation for the logging rules, or null when the compilation references no logging framework
        /// (System.Diagnostics tracing alone is not one).
        /// </summary>
        public static LogCallResolver? Create(Compilation compilation) => Get(compilation) is { HasLoggingFramework: true } resolver ? resolver : null;

        /// <summary>True when the compilation references a logging framework other than System.Diagnostics.</summary>
        public bool HasLoggingFramework => _hasLoggingFramework;

        public INamedTypeSymbol? ExceptionType => _exception;

        public bool IsException(ITypeSymbol? type) => TypeHierarchy.DerivesFrom(type, _exception);

        /// <summary>
        /// False for a call whose arguments are all literals, or that has none (<c>ToList()</c>, <c>LogStarted()</c>,
        /// <c>LogInformation("Started")</c>): it has no template that is not constant, no value and no exception text, so none
        /// of the rules that read templates and values can report it. Read from the syntax alone, before the called method is
        /// classified: most calls of a code base are rejected here.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public static bool MayCarryNonConstantText(IInvocationOperation invocation)
        {
            if (invocation.Syntax is not InvocationExpressionSyntax { ArgumentList.Arguments: var arguments })
            {
                return true;
            }

            foreach (var argument in arguments)
            {
                if (argument.Expression is not LiteralExpressionSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// False when the called method is no logging call of a template framework (what <see cref="TryGetLogCall"/> would
        /// answer before it reads the arguments): a rule whose own argument check costs more than this asks it first.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        public bool MayBeLogCall(IInvocationOperation invocation) => ShapeOf(invocation.TargetMethod).Kind is not null;

        /// <summary>The shape of calls to <paramref name="method"/>; <see cref="CallShape.None"/> for a method that does not log.</summary>
        [MethodImpl(HotPath.Options)]
        private CallShape ShapeOf(IMethodSymbol? method)
        {
            // A library method whose assembly neither is nor references a logging framework is no logging call (what
            // ComputeShape would answer): one look at the assembly, cached per assembly, before the method is keyed and
            // cached itself. Most calls of a code base (core library, LINQ, collections) end here, and the shape cache
            // then holds only the methods that can log, instead of one entry per method the code base calls.
            if (method is null || (method.MethodKind != MethodKind.DelegateInvoke && !AssemblyMaySee(method, LoggingFrameworks.AssemblyNames)))
            {
                return CallShape.None;
            }

            // The shape of a call depends on the called method only: classify each method once per compilation, for all
            // the logging rules (they share this resolver), instead of once per call and rule.
            var key = ShapeKey(method);
            return (ReferenceEquals(key, key.OriginalDefinition) ? _shapes : _constructedShapes).Get(key);
        }

        [MethodImpl(HotPath.Options)]
        public bool TryGetLogCall(IInvocationOperation invocation, out LogCall? call)
        {
            call = null;
            var shape = ShapeOf(invocation.TargetMethod);
            if (shape.Kind is null)
            {
                return false;
            }

            if (shape.Kind == LogCallKind.Generated)
            {
                return TryGetGeneratedMethodCall(invocation, out call);
            }

            var templateOrdinal = shape.TemplateOrdinal;
            var framework = shape.Framework;
            var kind = shape.Kind.Value;

            IArgumentOperation? template = null;
            IArgumentOperation? exception = null;
            ImmutableArray<IOperation>.Builder? values = null;
            var valuesKnown = true;
            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter is null)
                {
                    continue;
                }

                if (parameter.Ordinal == templateOrdinal)
                {
                    template = argument;
                }
                else if (parameter.Ordinal < templateOrdinal || (kind == LogCallKind.Message && IsException(parameter.OriginalDefinition.Type)))
                {
                    // The exception goes before the template (MEL, Serilog, NLog) or after the plain message (log4net).
                    if (IsException(parameter.Type))
                    {
                        exception = argument;
                    }
                }
                else if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }
                else if (parameter.IsParams)
                {
                    if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                    {
                        (values ??= ImmutableArray.CreateBuilder<IOperation>(initializer.ElementValues.Length)).AddRange(initializer.ElementValues);
                    }
                    else if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation)
                    {
                        // empty params array
                    }
                    else if (argument.Value is ICollectionExpressionOperation collection)
                    {
                        // params ReadOnlySpan<object?> (NLog 6's overloads, exception-first ones included): the values are the
                        // elements of the collection the compiler builds.
                        foreach (var element in collection.Elements)
                        {
                            if (element is ISpreadOperation)
                            {
                                valuesKnown = false;
                            }
                            else
                            {
                                (values ??= ImmutableArray.CreateBuilder<IOperation>(collection.Elements.Length)).Add(element);
                            }
                        }
                    }
                    else if (argument.Value is IArrayCreationOperation { Initializer: { } explicitInitializer })
                    {
                        (values ??= ImmutableArray.CreateBuilder<IOperation>(explicitInitializer.ElementValues.Length)).AddRange(explicitInitializer.ElementValues);
                    }
                    else if (SingleValueConvertedToArray(argument.Value) is { } single)
                    {
                        // A value converted to the array (StringValues → string[] → object[]): it is the one value.
                        (values ??= ImmutableArray.CreateBuilder<IOperation>(4)).Add(single);
                    }
                    else
                    {
                        valuesKnown = false;
                    }
                }
                else if (_formatProvider is not null && SymbolEqualityComparer.Default.Equals(parameter.Type, _formatProvider))
                {
                    continue;
                }
                else
                {
                    (values ??= ImmutableArray.CreateBuilder<IOperation>(4)).Add(argument.Value);
                }
            }

            if (template is null)
            {
                return false;
            }

            var valueList = values is null ? ImmutableArray<IOperation>.Empty
                : values.Count == values.Capacity ? values.MoveToImmutable() : values.ToImmutable();
            call = new LogCall(invocation, framework, kind, template, exception, valueList, valuesKnown);
            return true;
        }

        /// <summary>How calls to <paramref name="definition"/> are logging calls, or <see cref="CallShape.None"/>.</summary>
        [MethodImpl(HotPath.Options)]
        private CallShape ComputeShape(IMethodSymbol definition)
        {
            var containing = definition.ContainingType;
            if (containing is null)
            {
                return CallShape.None;
            }

            // LoggerMessage.Define delegates: Action<ILogger, T1, ..., Exception?>.Invoke(logger, values..., exception)
            if (definition.MethodKind == MethodKind.DelegateInvoke)
            {
                return IsDefineDelegate(definition, containing) ? CallShape.Generated : CallShape.None;
            }

            // Cheap filter: every call the rules look at takes a string (the template) or a logger.
            var inSource = IsInSource(definition);

            // A library method can be a logging call only when its assembly is a logging framework or references one (its
            // logger types, attributes and parameters come from there): the core library, LINQ, collections — most calls
            // of a code base — are rejected with one look at the assembly, before their parameters and types are read.
            if (!inSource && !AssemblyMaySee(definition, LoggingFrameworks.AssemblyNames))
            {
                return CallShape.None;
            }

            // (log4net's plain level methods take the message as object: Warn(object message).)
            if (!inSource && !HasStringOrLoggerParameter(definition) && FrameworkOf(containing) != LoggingFramework.Log4Net)
            {
                return CallShape.None;
            }

            // Attributes are read only when the method can have some: a source method declared without attribute lists has none
            // (binding the attributes of every method of the compilation that is called is the costly part of classifying it).
            var mayHaveAttributes = MayHaveAttributes(definition);

            // A method of the project without a string parameter and without attributes is neither a template API (wrapper,
            // pass-through, logger implementation) nor a [LoggerMessage] method: most methods a code base calls.
            if (inSource && !mayHaveAttributes && definition.Name != "BeginScope" && !HasStringParameter(definition))
            {
                return CallShape.None;
            }

            IParameterSymbol? templateParameter = null;
            LoggingFramework framework = LoggingFramework.None;
            var kind = LogCallKind.Event;
            var attributeFramework = LoggingFramework.None;
            var attributeParameter = mayHaveAttributes && AssemblyMaySee(definition, TemplateAttributeAssemblies)
                ? TemplateParameterFromAttribute(definition, out attributeFramework)
                : null;
            if (attributeParameter is not null)
            {
                templateParameter = attributeParameter;
                framework = attributeFramework;
                kind = FrameworkOf(containing) == framework ? LogCallKind.Event : LogCallKind.Wrapper;
            }
            else if (_melLoggerExtensions is not null && SymbolEqualityComparer.Default.Equals(containing, _melLoggerExtensions))
            {
                framework = LoggingFramework.MicrosoftExtensionsLogging;
                if (definition.Name == "BeginScope")
                {
                    kind = LogCallKind.Scope;
                    templateParameter = FindStringParameter(definition, "messageFormat");
                }
                else if (definition.Name.StartsWith("Log", System.StringComparison.Ordinal))
                {
                    templateParameter = FindStringParameter(definition, "message");
                }
            }
            else if (definition.Name == "BeginScope" && IsStringStateScope(definition, containing))
            {
                // ILogger.BeginScope<string>(state): a one-argument call binds here, not to LoggerExtensions. The string is
                // the scope's text just as a template would be, so a built one is reported like one.
                framework = LoggingFramework.MicrosoftExtensionsLogging;
                kind = LogCallKind.Scope;
                templateParameter = FindStringParameter(definition, "state");
            }
            else if (_melLoggerMessage is not null && SymbolEqualityComparer.Default.Equals(containing, _melLoggerMessage))
            {
                framework = LoggingFramework.MicrosoftExtensionsLogging;
                kind = LogCallKind.Define;
                if (definition.Name.StartsWith("Define", System.StringComparison.Ordinal))
                {
                    templateParameter = FindStringParameter(definition, "formatString");
                }
            }
            else if (mayHaveAttributes && _melLoggerMessageAttribute is not null && MayBeGeneratedLogMethod(definition, inSource) &&
                     HasAttribute(definition, _melLoggerMessageAttribute))
            {
                return CallShape.Generated;
            }
            else
            {
                framework = FrameworkOf(containing);
                var description = LoggingFrameworks.Get(framework);
                if (description is { IsDiagnostics: false } && framework != LoggingFramework.MicrosoftExtensionsLogging &&
                    description.IsLevelMethod(definition.Name))
                {
                    if (description.IsFormatMethod(definition.Name))
                    {
                        // log4net's ErrorFormat(string format, params object[] args): a composite format.
                        templateParameter = FindStringParameter(definition, "format");
                    }
                    else if (description.ExceptionPosition == ExceptionPosition.AfterMessage)
                    {
                        // log4net's Error(object message, Exception exception): a plain message, the exception after it.
                        templateParameter = FindParameter(definition, "message");
                        kind = LogCallKind.Message;
                    }
                    else
                    {
                        templateParameter = FindTemplateParameter(definition, description);
                    }
                }
                else if (definition.Name == "Message" && description?.FluentBuilderType is not null && SymbolEqualityComparer.Default.Equals(containing, _fluentBuilder))
                {
                    // NLog's fluent API: logger.ForErrorEvent().Message("…", args).Exception(ex).Log(). The generic
                    // overloads carry [MessageTemplateFormatMethod]; Message(string message) does not.
                    templateParameter = FindStringParameter(definition, "message");
                }
                else if (framework == LoggingFramework.None && inSource &&
                         PassThroughTemplateParameter(definition) is { } passThrough)
                {
                    templateParameter = passThrough;
                    framework = LoggingFramework.MicrosoftExtensionsLogging;
                    kind = LogCallKind.PassThrough;
                }
            }

            if (templateParameter is null || framework == LoggingFramework.None)
            {
                return CallShape.None;
            }

            return new CallShape(kind, framework, templateParameter.Ordinal);
        }

        /// <summary>True when an overload of the called method (same type, same name) takes an exception parameter.</summary>
        public bool HasExceptionOverload(IMethodSymbol method) =>
            _exceptionOverloads.Get(ShapeKey(method));

        /// <summary>
        /// The method whose shape a call has: the generic definition (<c>Query&lt;Order&gt;</c> and <c>Query&lt;Line&gt;</c> are
        /// classified once), except where the type arguments decide: a generic <c>BeginScope&lt;TState&gt;</c> (a string
        /// state is a scope text) and a delegate's <c>Invoke</c> (<c>Action&lt;ILogger, …&gt;</c> of <c>LoggerMessage.Define</c>).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static IMethodSymbol ShapeKey(IMethodSymbol method)
        {
            var definition = method.ReducedFrom ?? method;
            return (definition.IsGenericMethod && definition.Name == "BeginScope") || definition.MethodKind == MethodKind.DelegateInvoke
                ? definition
                : definition.OriginalDefinition;
        }

        /// <summary>
        /// Whether the method can be a <c>[LoggerMessage]</c> method: any partial method of the project; in a referenced
        /// assembly (a shared logging library) only a static one that takes the logger, the shape such a library can expose,
        /// in an assembly that references Microsoft.Extensions.Logging. Reading the attributes of every library method the
        /// project calls (ASP.NET Core and EF Core reference the logging abstractions) would cost more than the rest.
        /// </summary>
        private bool MayBeGeneratedLogMethod(IMethodSymbol method, bool inSource)
        {
            if (inSource)
            {
                return true;
            }

            return method.IsStatic && method.Parameters.Length > 0 && IsLoggerType(method.Parameters[0].Type) &&
                   AssemblyMaySee(method, LoggerMessageAttributeAssemblies);
        }

        /// <summary>
        /// False when the method is declared in a referenced assembly that can carry none of the attributes: it neither
        /// is nor references one of <paramref name="attributeAssemblies"/>. Reading the attributes of every library
        /// method a project calls is the costly part of classifying calls, and most libraries reference no logging
        /// framework. Source methods are decided by <see cref="MayHaveAttributes"/>.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private bool AssemblyMaySee(IMethodSymbol method, string[] attributeAssemblies)
        {
            // A method of the compilation itself is in source: answered by reference, without reading its locations (a
            // method's Locations builds an array on every read, and this runs for every call of the code base).
            var assembly = method.ContainingAssembly;
            if (assembly is null || ReferenceEquals(assembly, _sourceAssembly))
            {
                return true;
            }

            // One answer per assembly and name list (three lists), cached: no name is hashed again on the next call.
            var answers = _assemblyAnswers.GetOrAdd(assembly, _computeAssemblyAnswers);
            if (ReferenceEquals(attributeAssemblies, LoggingFrameworks.AssemblyNames))
            {
                return answers.SeesLogging;
            }

            if (ReferenceEquals(attributeAssemblies, TemplateAttributeAssemblies))
            {
                return answers.SeesTemplateAttribute;
            }

            if (ReferenceEquals(attributeAssemblies, LoggerMessageAttributeAssemblies))
            {
                return answers.SeesLoggerMessageAttribute;
            }

            return answers.InSource || answers.References.SeesAny(attributeAssemblies);
        }

        /// <summary>
        /// True for a method declared in source: of this compilation (answered by reference), or of another one (a project
        /// reference in the IDE), answered once per assembly. Reading a method's Locations builds an array on every read.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private bool IsInSource(IMethodSymbol method)
        {
            var assembly = method.ContainingAssembly;
            if (ReferenceEquals(assembly, _sourceAssembly))
            {
                return true;
            }

            return assembly is null
                ? method.Locations.Length > 0 && method.Locations[0].IsInSource
                : _assemblyAnswers.GetOrAdd(assembly, _computeAssemblyAnswers).InSource;
        }

        [MethodImpl(HotPath.Options)]
        private AssemblyAnswers ComputeAssemblyAnswers(IAssemblySymbol assembly)
        {
            // Another compilation's source (a project reference in the IDE) counts as source.
            var references = AssemblyReferences.Of(assembly);
            var inSource = references.InSource;
            return new AssemblyAnswers(
                references,
                inSource || references.SeesAny(LoggingFrameworks.AssemblyNames),
                inSource || references.SeesAny(TemplateAttributeAssemblies),
                inSource || references.SeesAny(LoggerMessageAttributeAssemblies));
        }

        private sealed class AssemblyAnswers
        {
            public AssemblyAnswers(AssemblyReferences references, bool seesLogging, bool seesTemplateAttribute, bool seesLoggerMessageAttribute)
            {
                References = references;
                SeesLogging = seesLogging;
                SeesTemplateAttribute = seesTemplateAttribute;
                SeesLoggerMessageAttribute = seesLoggerMessageAttribute;
            }

            public bool InSource => References.InSource;

            public AssemblyReferences References { get; }

            public bool SeesLogging { get; }

            public bool SeesTemplateAttribute { get; }

            public bool SeesLoggerMessageAttribute { get; }
        }

        private bool ComputeExceptionOverload(IMethodSymbol definition)
        {
            var containing = definition.ContainingType;
            if (containing is null)
            {
                return false;
            }

            // NLog's fluent builder takes the exception in its own call: ForErrorEvent().Message(…).Exception(ex).
            if (definition.Name == "Message" && LoggingFrameworks.Get(FrameworkOf(containing))?.FluentExceptionMethod is { } exceptionMethod &&
                !containing.GetMembers(exceptionMethod).IsEmpty)
            {
                return true;
            }

            // log4net's ErrorFormat has no exception overload; its sibling Error(object, Exception) has.
            var name = definition.Name;
            var members = name.Length > "Format".Length && name.EndsWith("Format", System.StringComparison.Ordinal)
                ? containing.GetMembers(name).AddRange(containing.GetMembers(name.Substring(0, name.Length - "Format".Length)))
                : containing.GetMembers(name);
            foreach (var member in members)
            {
                if (member is IMethodSymbol candidate)
                {
                    foreach (var parameter in candidate.Parameters)
                    {
                        if (IsException(parameter.Type))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private bool IsDefineDelegate(IMethodSymbol invoke, INamedTypeSymbol delegateType)
        {
            return _melILogger is not null && invoke.Parameters.Length >= 2 &&
                SymbolEqualityComparer.Default.Equals(invoke.Parameters[0].Type, _melILogger) &&
                delegateType.ContainingNamespace?.ToDisplayString() == "System" && delegateType.Name.StartsWith("Action", System.StringComparison.Ordinal);
        }

        private bool TryGetGeneratedMethodCall(IInvocationOperation invocation, out LogCall? call)
        {
            IArgumentOperation? exception = null;
            var values = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var argument in invocation.Arguments)
            {
                var type = argument.Parameter?.Type;
                if (type is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (IsException(type))
                {
                    exception = argument;
                }
                else if (!IsLoggerType(type) && type.Name != "LogLevel")
                {
                    values.Add(argument.Value);
                }
            }

            call = new LogCall(invocation, LoggingFramework.MicrosoftExtensionsLogging, LogCallKind.Generated, null, exception, values.ToImmutable(), valuesKnown: true);
            return true;
        }

        /// <summary>
        /// The template parameter of a pass-through wrapper of the user's code, or null (cached per method). The shape is
        /// <c>(…, string message, params object[] args)</c> — a template API: its callers are meant to pass values — and
        /// either the method's own body passes <c>message</c> unchanged as the template of a logging call on a logger
        /// (<c>=&gt; _logger.LogInformation(message, args)</c>), or the method is abstract (an interface such as
        /// <c>IAppLogger&lt;T&gt;</c>) and named like a logging method on a type named like a logger. Wrappers that take only a
        /// message (<c>void Note(string message)</c>) are not template APIs and stay quiet. Only the wrapper's own
        /// syntax and symbols are read: no semantic model, no walk beyond its body.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private IParameterSymbol? PassThroughTemplateParameter(IMethodSymbol method)
        {
            var original = method.OriginalDefinition;
            var passThrough = _passThrough.TryGetValue(original, out var known) ? known : _passThrough.GetOrAdd(original, FindPassThroughTemplateParameter(original));
            return passThrough is { } ordinal && ordinal < method.Parameters.Length
                ? method.Parameters[ordinal]
                : null;
        }

        [MethodImpl(HotPath.Options)]
        private int? FindPassThroughTemplateParameter(IMethodSymbol method)
        {
            var parameters = method.Parameters;
            if (parameters.Length < 2 || method.MethodKind != MethodKind.Ordinary && method.MethodKind != MethodKind.ReducedExtension)
            {
                return null;
            }

            var args = parameters[parameters.Length - 1];
            var message = parameters[parameters.Length - 2];
            if (!args.IsParams || args.Type is not IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Object } ||
                message.Type.SpecialType != SpecialType.System_String)
            {
                return null;
            }

            if (method.IsAbstract)
            {
                var typeName = method.ContainingType?.Name ?? string.Empty;
                return typeName.IndexOf("Log", System.StringComparison.OrdinalIgnoreCase) >= 0 && LoggingFrameworks.IsFacadeLevelMethod(method.Name)
                    ? message.Ordinal
                    : null;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (ForwardsAsTemplate(reference.GetSyntax(), method, message.Name, args.Name))
                {
                    return message.Ordinal;
                }
            }

            return null;
        }

        /// <summary>The body calls <c>receiver.Level(…, message[, args])</c> where the receiver is a logger (by its symbol's type).</summary>
        private bool ForwardsAsTemplate(SyntaxNode declaration, IMethodSymbol method, string messageName, string argsName)
        {
            SyntaxNode? body = declaration switch
            {
                MethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
                _ => null,
            };
            if (body is null)
            {
                return false;
            }

            foreach (var node in body.DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation ||
                    !LoggingFrameworks.IsFacadeLevelMethod(access.Name.Identifier.ValueText))
                {
                    continue;
                }

                var arguments = invocation.ArgumentList.Arguments;
                var index = -1;
                for (var i = 0; i < arguments.Count; i++)
                {
                    if (arguments[i].Expression is IdentifierNameSyntax id && id.Identifier.ValueText == messageName)
                    {
                        index = i;
                        break;
                    }
                }

                // The message is the template: only the values may follow it, and no literal template comes before it.
                if (index < 0 || arguments.Count - index > 2 ||
                    (arguments.Count - index == 2 && !(arguments[index + 1].Expression is IdentifierNameSyntax next && next.Identifier.ValueText == argsName)))
                {
                    continue;
                }

                var precededByText = false;
                for (var i = 0; i < index; i++)
                {
                    precededByText |= arguments[i].Expression is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax;
                }

                if (!precededByText && IsLoggerReceiver(access.Expression, method))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsLoggerReceiver(ExpressionSyntax receiver, IMethodSymbol method)
        {
            if (receiver is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } thisAccess)
            {
                receiver = thisAccess.Name;
            }

            if (receiver is not IdentifierNameSyntax identifier)
            {
                return false;
            }

            var name = identifier.Identifier.ValueText;
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name)
                {
                    return IsLoggerType(parameter.Type);
                }
            }

            for (var type = method.ContainingType; type is not null; type = type.BaseType)
            {
                foreach (var member in type.GetMembers(name))
                {
                    switch (member)
                    {
                        case IFieldSymbol field:
                            return IsLoggerType(field.Type);
                        case IPropertySymbol property:
                            return IsLoggerType(property.Type);
                        case INamedTypeSymbol nested:
                            return IsLoggerType(nested);
                    }
                }
            }

            // A primary-constructor parameter, or a static logger class (Serilog's Log).
            foreach (var constructor in method.ContainingType?.InstanceConstructors ?? ImmutableArray<IMethodSymbol>.Empty)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    if (parameter.Name == name && IsLoggerType(parameter.Type))
                    {
                        return true;
                    }
                }
            }

            return _staticLoggerNames.Contains(name);
        }

        /// <summary><c>ILogger.BeginScope&lt;TState&gt;(TState state)</c> (or an implementation of it) with <c>TState</c> = string.</summary>
        private bool IsStringStateScope(IMethodSymbol method, INamedTypeSymbol containing)
        {
            if (_melILogger is null || method.IsStatic || method.TypeArguments.Length != 1 ||
                method.TypeArguments[0].SpecialType != SpecialType.System_String || method.Parameters.Length != 1)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(containing, _melILogger))
            {
                return true;
            }

            foreach (var implemented in containing.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, _melILogger))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The framework <paramref name="type"/> belongs to: the type itself, a type that implements or derives from a logger
        /// type (<c>ILogger&lt;T&gt;</c>, an <c>EventSource</c> subclass, NLog's <c>Logger</c>), or
        /// <see cref="LoggingFramework.None"/>. Cached per type (it walks base types and interfaces).
        /// </summary>
        /// <remarks>
        /// Keyed by the type's original definition: the answer compares original definitions of the type, its bases and
        /// interfaces, which are the same for <c>List&lt;Order&gt;</c> and <c>List&lt;T&gt;</c>; this avoids substituting the
        /// interfaces of every constructed type.
        /// </remarks>
        [MethodImpl(HotPath.Options)]
        public LoggingFramework FrameworkOf(ITypeSymbol? type) =>
            type is null || type.TypeKind == TypeKind.Error || _loggerTypes.IsEmpty
                ? LoggingFramework.None
                : _typeFrameworks.Get(type.OriginalDefinition);

        public bool IsLoggerType(ITypeSymbol? type) => FrameworkOf(type) != LoggingFramework.None;

        /// <summary>
        /// The framework of a logging call: a method of a logger type, a call on a logger instance, an extension method on a
        /// logger (MEL's <c>LogError</c>, <c>[LoggerMessage]</c> methods), or a static method that takes a logger as a
        /// parameter (<c>LoggerMessage.Define</c> delegates wrapped in helpers). None otherwise.
        /// </summary>
        public LoggingFramework FrameworkOfCall(IInvocationOperation invocation)
        {
            if (_loggerTypes.IsEmpty)
            {
                return LoggingFramework.None;
            }

            var method = invocation.TargetMethod;
            var framework = FrameworkOf(method.ContainingType);
            if (framework != LoggingFramework.None)
            {
                return framework;
            }

            if (invocation.Instance is { } instance)
            {
                framework = FrameworkOf(instance.Type);
                if (framework != LoggingFramework.None)
                {
                    return framework;
                }
            }

            foreach (var parameter in method.Parameters)
            {
                framework = FrameworkOf(parameter.Type);
                if (framework != LoggingFramework.None)
                {
                    return framework;
                }
            }

            return LoggingFramework.None;
        }

        /// <summary>A call on a logger of any framework the package knows, System.Diagnostics tracing included.</summary>
        public bool IsLoggingCall(IInvocationOperation invocation) => FrameworkOfCall(invocation) != LoggingFramework.None;

        [MethodImpl(HotPath.Options)]
        private LoggingFramework ComputeFrameworkOf(ITypeSymbol original)
        {
            if (FrameworkOfExactly(original) is var own && own != LoggingFramework.None)
            {
                return own;
            }

            for (var current = original.BaseType; current is not null; current = current.BaseType)
            {
                if (FrameworkOfExactly(current.OriginalDefinition) is var framework && framework != LoggingFramework.None)
                {
                    return framework;
                }
            }

            foreach (var @interface in original.AllInterfaces)
            {
                if (FrameworkOfExactly(@interface.OriginalDefinition) is var framework && framework != LoggingFramework.None)
                {
                    return framework;
                }
            }

            return LoggingFramework.None;
        }

        [MethodImpl(HotPath.Options)]
        private LoggingFramework FrameworkOfExactly(ITypeSymbol original)
        {
            foreach (var (loggerType, framework) in _loggerTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(original, loggerType))
                {
                    return framework;
                }
            }

            return LoggingFramework.None;
        }

        [MethodImpl(HotPath.Options)]
        private static bool HasStringParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_String)
                {
                    return true;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Options)]
        private bool HasStringOrLoggerParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_String || FrameworkOf(parameter.Type) != LoggingFramework.None)
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation? SingleValueConvertedToArray(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
                if (value.Type is not null && value.Type is not IArrayTypeSymbol)
                {
                    return value;
                }
            }

            return null;
        }

        [MethodImpl(HotPath.Options)]
        private static IParameterSymbol? TemplateParameterFromAttribute(IMethodSymbol method, out LoggingFramework framework)
        {
            framework = LoggingFramework.None;
            foreach (var attribute in method.GetAttributes())
            {
                var attributeClass = attribute.AttributeClass;
                if (attributeClass is null)
                {
                    continue;
                }

                framework = LoggingFrameworks.FrameworkOfTemplateAttribute(attributeClass);
                if (framework == LoggingFramework.None || attribute.ConstructorArguments.Length != 1 ||
                    attribute.ConstructorArguments[0].Value is not string name)
                {
                    continue;
                }

                return FindStringParameter(method, name);
            }

            return null;
        }

        private static IParameterSymbol? FindParameter(IMethodSymbol method, string name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name)
                {
                    return parameter;
                }
            }

            return null;
        }

        private static IParameterSymbol? FindTemplateParameter(IMethodSymbol method, LoggingFrameworkDescription description)
        {
            foreach (var name in description.TemplateParameters)
            {
                if (FindStringParameter(method, name) is { } parameter)
                {
                    return parameter;
                }
            }

            return null;
        }

        private static IParameterSymbol? FindStringParameter(IMethodSymbol method, string name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name && parameter.Type.SpecialType == SpecialType.System_String)
                {
                    return parameter;
                }
            }

            return null;
        }

        /// <summary>False when every declaration of a source method (all partial parts) has no attribute list; true otherwise.</summary>
        [MethodImpl(HotPath.Options)]
        private bool MayHaveAttributes(IMethodSymbol method)
        {
            var original = method.OriginalDefinition;
            if (!IsInSource(original))
            {
                return true;
            }

            return DeclaredWithAttributes(original) ||
                   (original.PartialImplementationPart is { } implementation && DeclaredWithAttributes(implementation)) ||
                   (original.PartialDefinitionPart is { } definitionPart && DeclaredWithAttributes(definitionPart));
        }

        [MethodImpl(HotPath.Options)]
        private static bool DeclaredWithAttributes(IMethodSymbol method)
        {
            var references = method.DeclaringSyntaxReferences;
            if (references.IsEmpty)
            {
                return true;
            }

            foreach (var reference in references)
            {
                switch (reference.GetSyntax())
                {
                    case MethodDeclarationSyntax { AttributeLists.Count: 0 }:
                    case LocalFunctionStatementSyntax { AttributeLists.Count: 0 }:
                        continue;
                    default:
                        return true;
                }
            }

            return false;
        }

        private static bool HasAttribute(IMethodSymbol method, INamedTypeSymbol attributeType)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
