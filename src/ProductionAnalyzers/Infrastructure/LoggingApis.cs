using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>
    /// Answers "is this a logger?" and "is this call a logging call?" for one compilation, from the logger types of the
    /// framework descriptions (<see cref="LoggingFrameworks"/>). Shared by the
    /// exceptions family (a catch that logs handles the exception) and the logging family. Create it once per
    /// compilation with <see cref="Get"/>.
    /// </summary>
    internal sealed class LoggingApis
    {
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

            foreach (var description in LoggingFrameworks.All)
            {
                foreach (var name in description.LoggerTypes)
                {
                    Add(name, description.Framework);
                }
            }

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
                    if (LoggingFrameworks.Get(framework) is { IsDiagnostics: false })
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
