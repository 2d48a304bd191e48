using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>
    /// The severity of a logging call on one scale for every framework: 0 Trace/Verbose, 1 Debug, 2 Information/Info,
    /// 3 Warning/Warn, 4 Error, 5 Critical/Fatal. Read from the level method's name (MEL <c>LogWarning</c>, Serilog
    /// <c>Warning</c>, NLog <c>Warn</c>/<c>ConditionalDebug</c>, log4net <c>Warn</c>/<c>WarnFormat</c>) or from a constant level
    /// argument (MEL <c>Log(LogLevel.Error, …)</c>, Serilog <c>Write(LogEventLevel.Error, …)</c>, NLog <c>Log(LogLevel.Error, …)</c>).
    /// </summary>
    internal static class LogLevels
    {
        public const int Trace = 0;
        public const int Debug = 1;
        public const int Information = 2;
        public const int Warning = 3;
        public const int Error = 4;
        public const int Critical = 5;

        /// <summary>The level of the call, or null when it cannot be read (a level held in a variable, a generated method).</summary>
        public static int? Of(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (FromName(method.Name) is { } byName)
            {
                return byName;
            }

            // NLog's fluent API: the level is named where the builder starts, logger.ForWarnEvent().Message(…) or
            // logger.ForLogEvent(LogLevel.Warn).Message(…).
            if (method.Name == "Message")
            {
                var current = invocation.Instance as IInvocationOperation;
                for (var depth = 0; current is not null && depth < 8; depth++, current = current.Instance as IInvocationOperation)
                {
                    var name = current.TargetMethod.Name;
                    if (name.StartsWith("For", System.StringComparison.Ordinal) && name.EndsWith("Event", System.StringComparison.Ordinal))
                    {
                        return name == "ForLogEvent" ? Of(current) : FromName(name.Substring(3, name.Length - 8));
                    }
                }

                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type is not { Name: "LogLevel" or "LogEventLevel" })
                {
                    continue;
                }

                var value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (value.ConstantValue is { HasValue: true, Value: int ordinal } && ordinal is >= Trace and <= Critical)
                {
                    return ordinal;
                }

                // NLog's LogLevel is a class with one static field per level.
                return value is IFieldReferenceOperation { Field: { IsStatic: true } field } ? FromName(field.Name) : null;
            }

            return null;
        }

        /// <summary>The level a method name means: <c>LogError</c>, <c>Error</c>, <c>ErrorFormat</c>, <c>ConditionalDebug</c>; null otherwise.</summary>
        [MethodImpl(HotPath.Options)]
        public static int? FromName(string name)
        {
            if (name.StartsWith("Conditional", System.StringComparison.Ordinal))
            {
                name = name.Substring("Conditional".Length);
            }
            else if (name.Length > 3 && name.StartsWith("Log", System.StringComparison.Ordinal) && char.IsUpper(name[3]))
            {
                name = name.Substring(3);
            }

            if (name.EndsWith("Format", System.StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - "Format".Length);
            }

            return name switch
            {
                "Trace" or "Verbose" => Trace,
                "Debug" => Debug,
                "Info" or "Information" => Information,
                "Warn" or "Warning" => Warning,
                "Error" => Error,
                "Critical" or "Fatal" => Critical,
                _ => null,
            };
        }
    }
}
