using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionAnalyzers.Infrastructure
{
    /// <summary>What kind of project a compilation is, as far as its MSBuild properties tell.</summary>
    internal enum ProjectKindValue
    {
        /// <summary>The properties are not visible (the package's build props were not imported, an IDE without them).</summary>
        Unknown,

        /// <summary>A web app (<c>Microsoft.NET.Sdk.Web</c>) or a worker (<c>Microsoft.NET.Sdk.Worker</c>).</summary>
        Service,

        /// <summary>An executable of the plain SDK: a console program, unless its own code hosts a service.</summary>
        Executable,

        /// <summary>A class library.</summary>
        Library,
    }

    /// <summary>
    /// Reads the project kind from the MSBuild properties that the package's <c>build/ProductionAnalyzers.props</c> makes
    /// visible to analyzers (<c>CompilerVisibleProperty</c>): <c>build_property.UsingMicrosoftNETSdkWeb</c>,
    /// <c>build_property.UsingMicrosoftNETSdkWorker</c> and <c>build_property.OutputType</c>.
    /// </summary>
    internal static class ProjectKind
    {
        public const string OutputTypeKey = "build_property.OutputType";
        public const string WebSdkKey = "build_property.UsingMicrosoftNETSdkWeb";
        public const string WorkerSdkKey = "build_property.UsingMicrosoftNETSdkWorker";

        public static ProjectKindValue Of(AnalyzerOptions options)
        {
            var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            if (IsTrue(global, WebSdkKey) || IsTrue(global, WorkerSdkKey))
            {
                return ProjectKindValue.Service;
            }

            if (!global.TryGetValue(OutputTypeKey, out var outputType) || string.IsNullOrWhiteSpace(outputType))
            {
                return ProjectKindValue.Unknown;
            }

            return outputType.Trim().ToLowerInvariant() switch
            {
                "exe" or "winexe" or "appcontainerexe" => ProjectKindValue.Executable,
                "library" or "module" => ProjectKindValue.Library,
                _ => ProjectKindValue.Unknown,
            };
        }

        private static bool IsTrue(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options, string key) =>
            options.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
    }
}
