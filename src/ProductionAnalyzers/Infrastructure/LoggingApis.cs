using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

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

    /// <summary>
    /// Answers "is this a logger?" and "is this call a logging call?" for one compilation. Shared by the
    /// exceptions family (a catch that logs handles the exception) and the logging family. Create it once per
    /// compilation with <see cref="Get"/>.
    /// </summary>
    internal sealed class LoggingApis
    {
        // Microsoft.Extensions.Logging
        public const string MelILogger = "Microsoft.Extensions.Logging.ILogger";
        public const string MelILoggerOfT = "Microsoft.Extensions.Logging.ILogger`1";
        public const string MelLoggerExtensions = "Microsoft.Extensions.Logging.LoggerExtensions";
        public const string MelLoggerMessage = "Microsoft.Extensions.Logging.LoggerMessage";

        // Serilog
        public const string SerilogILogger = "Serilog.ILogger";
        public const string SerilogLog = "Serilog.Log";

        // NLog
        public const string NLogILogger = "NLog.ILogger";
        public const string NLogILoggerBase = "NLog.ILoggerBase";
        public const string NLogLogger = "NLog.Logger";
        public const string NLogLogEventBuilder = "NLog.LogEventBuilder";

        // log4net
        public const string Log4NetILog = "log4net.ILog";

        // System.Diagnostics
        public const string Trace = "System.Diagnostics.Trace";
        public const string TraceSource = "System.Diagnostics.TraceSource";
        public const string EventSource = "System.Diagnostics.Tracing.EventSource";

        private readonly ImmutableArray<(INamedTypeSymbol Type, LoggingFramework Framework)> _loggerTypes;

        private LoggingApis(WellKnownTypes types)
        {
            var builder = ImmutableArray.CreateBuilder<(INamedTypeSymbol, LoggingFramework)>();
            void Add(string name, LoggingFramework framework)
            {
                var type = types.Type(name);
                if (type is not null)
                {
                    builder.Add((type, framework));
                }
            }

            Add(MelILogger, LoggingFramework.MicrosoftExtensionsLogging);
            Add(MelILoggerOfT, LoggingFramework.MicrosoftExtensionsLogging);
            Add(MelLoggerExtensions, LoggingFramework.MicrosoftExtensionsLogging);
            Add(MelLoggerMessage, LoggingFramework.MicrosoftExtensionsLogging);
            Add(SerilogILogger, LoggingFramework.Serilog);
            Add(SerilogLog, LoggingFramework.Serilog);
            Add(NLogILogger, LoggingFramework.NLog);
            Add(NLogILoggerBase, LoggingFramework.NLog);
            Add(NLogLogger, LoggingFramework.NLog);
            Add(NLogLogEventBuilder, LoggingFramework.NLog);
            Add(Log4NetILog, LoggingFramework.Log4Net);
            Add(Trace, LoggingFramework.Trace);
            Add(TraceSource, LoggingFramework.Trace);
            Add(EventSource, LoggingFramework.EventSource);
            _loggerTypes = builder.ToImmutable();
        }

        public static LoggingApis Get(WellKnownTypes types) => new LoggingApis(types);

        /// <summary>True when the compilation references a logging framework other than System.Diagnostics.</summary>
        public bool HasLoggingFramework
        {
            get
            {
                foreach (var (_, framework) in _loggerTypes)
                {
                    if (framework is not LoggingFramework.Trace and not LoggingFramework.EventSource)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// The framework <paramref name="type"/> belongs to: the type itself, a type that implements or derives from
        /// a logger type (<c>ILogger&lt;T&gt;</c>, an <c>EventSource</c> subclass, NLog's <c>Logger</c>), or
        /// <see cref="LoggingFramework.None"/>.
        /// </summary>
        public LoggingFramework FrameworkOf(ITypeSymbol? type)
        {
            if (type is null || type.TypeKind == TypeKind.Error || _loggerTypes.IsEmpty)
            {
                return LoggingFramework.None;
            }

            var original = type.OriginalDefinition;
            foreach (var (loggerType, framework) in _loggerTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(original, loggerType))
                {
                    return framework;
                }
            }

            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                foreach (var (loggerType, framework) in _loggerTypes)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, loggerType))
                    {
                        return framework;
                    }
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var (loggerType, framework) in _loggerTypes)
                {
                    if (SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, loggerType))
                    {
                        return framework;
                    }
                }
            }

            return LoggingFramework.None;
        }

        public bool IsLoggerType(ITypeSymbol? type) => FrameworkOf(type) != LoggingFramework.None;

        /// <summary>
        /// The framework of a logging call: a method of a logger type, a call on a logger instance, an extension
        /// method on a logger (MEL's <c>LogError</c>, <c>[LoggerMessage]</c> methods), or a static method that takes a
        /// logger as a parameter (<c>LoggerMessage.Define</c> delegates wrapped in helpers). None otherwise.
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

        public bool IsLoggingCall(IInvocationOperation invocation) => FrameworkOfCall(invocation) != LoggingFramework.None;

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

            // LogIn/LogOn/LogOut/LogOff sign a user in or out; they are not logging (LogInformation is).
            var bare = name.EndsWith("Async", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 5) : name;
            return char.IsUpper(name[3]) && bare is not ("LogIn" or "LogOn" or "LogOut" or "LogOff");
        }
    }
}
