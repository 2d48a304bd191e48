using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>The logging frameworks the package knows.</summary>
    internal enum LoggingFramework
    {
        None,
        MicrosoftExtensionsLogging,
        Serilog,
        NLog,
        Log4Net,
        Trace,
        EventSource,
    }

    /// <summary>Where a framework's level methods take the exception.</summary>
    internal enum ExceptionPosition
    {
        /// <summary>The framework has no exception parameter (Trace, EventSource).</summary>
        None,

        /// <summary>First, before the template: <c>LogError(ex, "…")</c>, Serilog <c>Error(ex, "…")</c>, NLog <c>Error(ex, "…")</c>.</summary>
        BeforeTemplate,

        /// <summary>After the message: log4net <c>Error(object message, Exception exception)</c>.</summary>
        AfterMessage,
    }

    /// <summary>The syntax of the text a framework's level methods take.</summary>
    internal enum TemplateSyntax
    {
        /// <summary>No template (Trace, EventSource).</summary>
        None,

        /// <summary>A message template with named holes, <c>"Order {OrderId} shipped"</c> (MEL, Serilog, NLog).</summary>
        MessageTemplate,

        /// <summary>
        /// A composite format with numbered holes, <c>"Order {0} shipped"</c>, on the <c>*Format</c> methods; the plain
        /// level methods take a message object that is not a template (log4net).
        /// </summary>
        CompositeFormat,
    }

    /// <summary>
    /// One logging framework as the rules and fixes see it: its logger types, its level methods (per level, the name a fix
    /// writes), where the template and the exception go, and its template syntax. Every "is this a logging call?", "which
    /// level?", "what does a fix call?" question about a framework is answered from here (<see cref="LoggingFrameworks"/>).
    /// </summary>
    internal sealed class LoggingFrameworkDescription
    {
        public LoggingFrameworkDescription(
            LoggingFramework framework,
            string rootNamespace,
            ImmutableArray<string> loggerTypes,
            ImmutableArray<string> levelMethods,
            ImmutableArray<string> fixMethodByLevel,
            ImmutableArray<string> templateParameters,
            ExceptionPosition exceptionPosition,
            TemplateSyntax templateSyntax,
            string? levelMethodsNamespace = null,
            string? formatSuffix = null,
            bool isDiagnostics = false,
            string? fluentBuilderType = null,
            string? fluentExceptionMethod = null,
            string? assemblyName = null,
            string? staticLoggerType = null,
            string? templateAttributeType = null,
            string? generatedMethodAttributeType = null)
        {
            Framework = framework;
            RootNamespace = rootNamespace;
            LoggerTypes = loggerTypes;
            LevelMethods = levelMethods;
            FixMethodByLevel = fixMethodByLevel;
            TemplateParameters = templateParameters;
            ExceptionPosition = exceptionPosition;
            TemplateSyntax = templateSyntax;
            LevelMethodsNamespace = levelMethodsNamespace;
            FormatSuffix = formatSuffix;
            IsDiagnostics = isDiagnostics;
            FluentBuilderType = fluentBuilderType;
            FluentExceptionMethod = fluentExceptionMethod;
            AssemblyName = assemblyName;
            StaticLoggerType = staticLoggerType;
            TemplateAttributeType = templateAttributeType;
            GeneratedMethodAttributeType = generatedMethodAttributeType;
        }

        public LoggingFramework Framework { get; }

        /// <summary>The assembly that declares the framework's logger types and attributes (null for the runtime's own tracing).</summary>
        public string? AssemblyName { get; }

        /// <summary>The namespace a project imports to use the framework (<c>Serilog</c>, <c>log4net</c>).</summary>
        public string RootNamespace { get; }

        /// <summary>Metadata names of the framework's logger types: a call on one of them (or a type deriving from one) logs.</summary>
        public ImmutableArray<string> LoggerTypes { get; }

        /// <summary>The methods that write an event at a level (template or message first, or after the exception).</summary>
        public ImmutableArray<string> LevelMethods { get; }

        /// <summary>The method a fix calls for each <see cref="LogLevels"/> value (Trace … Critical); empty when no fix writes calls.</summary>
        public ImmutableArray<string> FixMethodByLevel { get; }

        /// <summary>The names of the template (or message) parameter of the level methods.</summary>
        public ImmutableArray<string> TemplateParameters { get; }

        public ExceptionPosition ExceptionPosition { get; }

        public TemplateSyntax TemplateSyntax { get; }

        /// <summary>Where the level methods are declared as extension methods, so a fix imports it (MEL's <c>LoggerExtensions</c>).</summary>
        public string? LevelMethodsNamespace { get; }

        /// <summary>The suffix of the level methods that take a composite format (log4net's <c>ErrorFormat</c>), or null.</summary>
        public string? FormatSuffix { get; }

        /// <summary>System.Diagnostics tracing: logging for PA3002 (a catch that traces handles it), not a logger for PA4xxx.</summary>
        public bool IsDiagnostics { get; }

        /// <summary>The type of a fluent event builder (NLog's <c>LogEventBuilder</c>: <c>ForErrorEvent().Message(…)</c>), or null.</summary>
        public string? FluentBuilderType { get; }

        /// <summary>The builder method that takes the exception (<c>.Exception(ex)</c>), or null.</summary>
        public string? FluentExceptionMethod { get; }

        /// <summary>
        /// The metadata name of a static logger class a program calls without an instance (Serilog's <c>Log</c>): a receiver
        /// of that simple name is a logger, and a fix may call it where the name binds to it. Null when the framework has none.
        /// </summary>
        public string? StaticLoggerType { get; }

        /// <summary>
        /// The metadata name of the attribute that marks a method's template parameter (<c>[MessageTemplateFormatMethod("…")]</c>
        /// of Serilog and NLog, also put on the user's own wrappers), or null.
        /// </summary>
        public string? TemplateAttributeType { get; }

        /// <summary>
        /// The metadata name of the attribute of source-generated logging methods (MEL's <c>[LoggerMessage]</c>): values
        /// without a template at the call site. Null when the framework has none.
        /// </summary>
        public string? GeneratedMethodAttributeType { get; }

        /// <summary>The simple name of <see cref="StaticLoggerType"/> (<c>Log</c>), or null.</summary>
        public string? StaticLoggerName => StaticLoggerType is { } type ? type.Substring(type.LastIndexOf('.') + 1) : null;

        public bool IsLevelMethod(string name)
        {
            foreach (var method in LevelMethods)
            {
                if (method == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True for a level method that takes a composite format (<c>InfoFormat</c>).</summary>
        public bool IsFormatMethod(string name) =>
            FormatSuffix is not null && name.Length > FormatSuffix.Length && name.EndsWith(FormatSuffix, System.StringComparison.Ordinal) && IsLevelMethod(name);

        /// <summary>The method a fix writes for <paramref name="level"/> (a <see cref="LogLevels"/> value), or null.</summary>
        public string? FixMethod(int level) =>
            level >= 0 && level < FixMethodByLevel.Length ? FixMethodByLevel[level] : null;
    }

    /// <summary>The description of every framework the package knows; adding a framework is one entry here plus tests.</summary>
    internal static class LoggingFrameworks
    {
        public const string MelILogger = "Microsoft.Extensions.Logging.ILogger";
        public const string MelLoggerExtensions = "Microsoft.Extensions.Logging.LoggerExtensions";
        public const string MelLoggerMessage = "Microsoft.Extensions.Logging.LoggerMessage";
        public const string NLogLogEventBuilder = "NLog.LogEventBuilder";

        public static readonly LoggingFrameworkDescription MicrosoftExtensionsLogging = new LoggingFrameworkDescription(
            LoggingFramework.MicrosoftExtensionsLogging,
            "Microsoft.Extensions.Logging",
            ImmutableArray.Create(
                MelILogger,
                "Microsoft.Extensions.Logging.ILogger`1",
                MelLoggerExtensions,
                MelLoggerMessage),
            ImmutableArray.Create("Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical"),
            ImmutableArray.Create("LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical"),
            ImmutableArray.Create("message", "messageFormat", "formatString"),
            ExceptionPosition.BeforeTemplate,
            TemplateSyntax.MessageTemplate,
            levelMethodsNamespace: "Microsoft.Extensions.Logging",
            assemblyName: "Microsoft.Extensions.Logging.Abstractions",
            generatedMethodAttributeType: "Microsoft.Extensions.Logging.LoggerMessageAttribute");

        public static readonly LoggingFrameworkDescription Serilog = new LoggingFrameworkDescription(
            LoggingFramework.Serilog,
            "Serilog",
            ImmutableArray.Create("Serilog.ILogger", "Serilog.Log"),
            ImmutableArray.Create("Verbose", "Debug", "Information", "Warning", "Error", "Fatal", "Write"),
            ImmutableArray.Create("Verbose", "Debug", "Information", "Warning", "Error", "Fatal"),
            ImmutableArray.Create("messageTemplate"),
            ExceptionPosition.BeforeTemplate,
            TemplateSyntax.MessageTemplate,
            assemblyName: "Serilog",
            staticLoggerType: "Serilog.Log",
            templateAttributeType: "Serilog.Core.MessageTemplateFormatMethodAttribute");

        /// <summary>NLog, with its fluent API: <c>logger.ForErrorEvent().Message("…", args).Exception(ex).Log()</c>.</summary>
        public static readonly LoggingFrameworkDescription NLog = new LoggingFrameworkDescription(
            LoggingFramework.NLog,
            "NLog",
            ImmutableArray.Create("NLog.ILogger", "NLog.ILoggerBase", "NLog.Logger", NLogLogEventBuilder),
            ImmutableArray.Create("Trace", "Debug", "Info", "Warn", "Error", "Fatal", "Log", "ConditionalTrace", "ConditionalDebug"),
            ImmutableArray.Create("Trace", "Debug", "Info", "Warn", "Error", "Fatal"),
            ImmutableArray.Create("message"),
            ExceptionPosition.BeforeTemplate,
            TemplateSyntax.MessageTemplate,
            fluentBuilderType: NLogLogEventBuilder,
            fluentExceptionMethod: "Exception",
            assemblyName: "NLog",
            templateAttributeType: "NLog.MessageTemplateFormatMethodAttribute");

        /// <summary>
        /// log4net: <c>ILog.Error(object message[, Exception exception])</c> takes a plain message (not a template) with the
        /// exception after it; <c>ILog.ErrorFormat(string format, params object[] args)</c> a composite format.
        /// </summary>
        public static readonly LoggingFrameworkDescription Log4Net = new LoggingFrameworkDescription(
            LoggingFramework.Log4Net,
            "log4net",
            ImmutableArray.Create("log4net.ILog"),
            ImmutableArray.Create("Debug", "Info", "Warn", "Error", "Fatal", "DebugFormat", "InfoFormat", "WarnFormat", "ErrorFormat", "FatalFormat"),
            ImmutableArray.Create("Debug", "Debug", "Info", "Warn", "Error", "Fatal"),
            ImmutableArray.Create("format", "message"),
            ExceptionPosition.AfterMessage,
            TemplateSyntax.CompositeFormat,
            formatSuffix: "Format",
            assemblyName: "log4net");

        public static readonly LoggingFrameworkDescription Trace = new LoggingFrameworkDescription(
            LoggingFramework.Trace,
            "System.Diagnostics",
            ImmutableArray.Create("System.Diagnostics.Trace", "System.Diagnostics.TraceSource"),
            ImmutableArray<string>.Empty,
            ImmutableArray<string>.Empty,
            ImmutableArray<string>.Empty,
            ExceptionPosition.None,
            TemplateSyntax.None,
            isDiagnostics: true);

        public static readonly LoggingFrameworkDescription EventSource = new LoggingFrameworkDescription(
            LoggingFramework.EventSource,
            "System.Diagnostics.Tracing",
            ImmutableArray.Create("System.Diagnostics.Tracing.EventSource"),
            ImmutableArray<string>.Empty,
            ImmutableArray<string>.Empty,
            ImmutableArray<string>.Empty,
            ExceptionPosition.None,
            TemplateSyntax.None,
            isDiagnostics: true);

        public static readonly ImmutableArray<LoggingFrameworkDescription> All =
            ImmutableArray.Create(MicrosoftExtensionsLogging, Serilog, NLog, Log4Net, Trace, EventSource);

        /// <summary>The description of <paramref name="framework"/>, or null for <see cref="LoggingFramework.None"/>.</summary>
        public static LoggingFrameworkDescription? Get(LoggingFramework framework) => framework switch
        {
            LoggingFramework.MicrosoftExtensionsLogging => MicrosoftExtensionsLogging,
            LoggingFramework.Serilog => Serilog,
            LoggingFramework.NLog => NLog,
            LoggingFramework.Log4Net => Log4Net,
            LoggingFramework.Trace => Trace,
            LoggingFramework.EventSource => EventSource,
            _ => null,
        };

        /// <summary>True when <paramref name="name"/> is a level method of <paramref name="framework"/>.</summary>
        public static bool IsLevelMethod(LoggingFramework framework, string name) => Get(framework)?.IsLevelMethod(name) == true;

        /// <summary>
        /// The level-method names a team's own logger facade uses (<c>IAppLogger&lt;T&gt;.LogWarning</c>, <c>Log.Error</c>): MEL's
        /// <c>Log*</c> names and the level names of the other frameworks.
        /// </summary>
        public static bool IsFacadeLevelMethod(string name) =>
            name is "Log" or "LogTrace" or "LogDebug" or "LogInformation" or "LogWarning" or "LogError" or "LogCritical"
                or "Trace" or "Verbose" or "Debug" or "Info" or "Information" or "Warn" or "Warning" or "Error" or "Fatal" or "Critical";

        /// <summary>
        /// A method named like logging: <c>Log</c> or <c>Log&lt;Upper&gt;…</c> (<c>LogError</c>, <c>LogFailure</c>; not
        /// <c>LogIn</c>/<c>LogOn</c>/<c>LogOut</c>/<c>LogOff</c>, which sign a user in or out).
        /// </summary>
        public static bool IsLogMethodName(string name)
        {
            if (!name.StartsWith("Log", System.StringComparison.Ordinal))
            {
                return false;
            }

            if (name.Length == 3)
            {
                return true;
            }

            var bare = name.EndsWith("Async", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 5) : name;
            return char.IsUpper(name[3]) && bare is not ("LogIn" or "LogOn" or "LogOut" or "LogOff");
        }

        /// <summary>The assemblies of the logging frameworks (not System.Diagnostics): a library method is a logging call only in one of them or in an assembly that references one.</summary>
        public static string[] AssemblyNames { get; } =
            { MicrosoftExtensionsLogging.AssemblyName!, Serilog.AssemblyName!, NLog.AssemblyName!, Log4Net.AssemblyName! };

        /// <summary>The assemblies that declare a template attribute (<see cref="LoggingFrameworkDescription.TemplateAttributeType"/>).</summary>
        public static string[] TemplateAttributeAssemblies { get; } = AssembliesOf(d => d.TemplateAttributeType);

        /// <summary>The assemblies that declare a generated-method attribute (<see cref="LoggingFrameworkDescription.GeneratedMethodAttributeType"/>).</summary>
        public static string[] GeneratedMethodAttributeAssemblies { get; } = AssembliesOf(d => d.GeneratedMethodAttributeType);

        /// <summary>
        /// The framework whose template attribute <paramref name="attributeClass"/> is (matched by full name, so an attribute
        /// of a package the compilation does not reference directly counts too), or <see cref="LoggingFramework.None"/>.
        /// </summary>
        public static LoggingFramework FrameworkOfTemplateAttribute(INamedTypeSymbol attributeClass)
        {
            foreach (var description in All)
            {
                if (description.TemplateAttributeType is { } name && HasMetadataName(attributeClass, name))
                {
                    return description.Framework;
                }
            }

            return LoggingFramework.None;
        }

        /// <summary>True when the top-level type <paramref name="type"/> is named <paramref name="metadataName"/> (<c>Ns.Sub.Type</c>), without building its name.</summary>
        private static bool HasMetadataName(INamedTypeSymbol type, string metadataName)
        {
            var end = metadataName.Length;
            var dot = metadataName.LastIndexOf('.');
            if (type.ContainingType is not null || !Segment(type.MetadataName, metadataName, dot + 1, end))
            {
                return false;
            }

            for (var ns = type.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                if (dot < 0)
                {
                    return false;
                }

                end = dot;
                dot = metadataName.LastIndexOf('.', end - 1);
                if (!Segment(ns.Name, metadataName, dot + 1, end))
                {
                    return false;
                }
            }

            return dot < 0;
        }

        private static bool Segment(string name, string text, int start, int end) =>
            name.Length == end - start && string.CompareOrdinal(name, 0, text, start, name.Length) == 0;

        private static string[] AssembliesOf(System.Func<LoggingFrameworkDescription, string?> fact)
        {
            var names = ImmutableArray.CreateBuilder<string>();
            foreach (var description in All)
            {
                if (fact(description) is not null && description.AssemblyName is { } assembly)
                {
                    names.Add(assembly);
                }
            }

            return names.ToArray();
        }

        /// <summary>The namespaces that bring a logging framework in (not System.Diagnostics).</summary>
        public static ImmutableArray<string> LoggerNamespaces { get; } =
            ImmutableArray.Create(MicrosoftExtensionsLogging.RootNamespace, Serilog.RootNamespace, NLog.RootNamespace, Log4Net.RootNamespace);
    }
}
