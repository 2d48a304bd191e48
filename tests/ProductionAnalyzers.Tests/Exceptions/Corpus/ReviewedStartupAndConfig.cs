using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Exceptions.Startup;

public sealed class FeatureFlags
{
    public bool NewCheckout { get; set; }
    public int MaxItems { get; set; } = 50;
}

public sealed class FeatureFlagLoader
{
    private readonly ILogger _logger;
    private readonly string _path;

    public FeatureFlagLoader(ILoggerFactory factory, string path)
    {
        _logger = factory.CreateLogger<FeatureFlagLoader>();
        _path = path;
    }

    public FeatureFlags Load()
    {
        try
        {
            return JsonSerializer.Deserialize<FeatureFlags>(File.ReadAllText(_path)) ?? new FeatureFlags();
        }
        catch (FileNotFoundException)
        {
            _logger.LogInformation("No feature flag file at {Path}, using defaults", _path);
            return new FeatureFlags();
        }
        catch (JsonException ex)
        {
            _logger.LogError(ex, "Feature flag file {Path} is invalid", _path);
            return new FeatureFlags();
        }
    }

    public FeatureFlags LoadOrDefault()
    {
        try
        {
            return JsonSerializer.Deserialize<FeatureFlags>(File.ReadAllText(_path)) ?? new FeatureFlags();
        }
        {|PA3002:catch (Exception)|}
        {
            return new FeatureFlags();
        }
    }

    public static string? ReadVersion()
    {
        try
        {
            return Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        }
        {|PA3002:catch (Exception)|}
        {
            // reflection can fail under trimming; version is cosmetic
            return null; // BAD per RULES: a comment silences PA3001 (empty catch) only
        }
    }

    public static IConfiguration BuildConfig(string basePath)
    {
        var builder = new ConfigurationBuilder().SetBasePath(basePath);
        try
        {
            builder.AddJsonFile("appsettings.local.json", optional: false);
        }
        {|PA3001:catch (FileNotFoundException)|}
        {
        }
        try
        {
            builder.AddJsonFile("appsettings.shared.json", optional: false);
        }
        catch (FileNotFoundException)
        {
            // TODO: make optional once ops ships the file
        }
        return builder.Build();
    }
}

public sealed class PluginHost
{
    private readonly ILogger<PluginHost> _logger;
    private readonly List<Type> _plugins = new();
    public PluginHost(ILogger<PluginHost> logger) => _logger = logger;

    public void LoadFrom(IEnumerable<string> assemblyPaths)
    {
        foreach (var path in assemblyPaths)
        {
            try
            {
                var asm = Assembly.LoadFrom(path);
                _plugins.AddRange(asm.GetTypes().Where(t => t.Name.EndsWith("Plugin", StringComparison.Ordinal)));
            }
            catch (ReflectionTypeLoadException ex)
            {
                foreach (var le in ex.LoaderExceptions) _logger.LogWarning(le, "Type load failure in {Path}", path);
            }
            catch (BadImageFormatException)
            {
                continue; // OK: specific
            }
            {|PA3002:catch (Exception)|}
            {
                continue;
            }
        }
    }

    public object? Create(Type pluginType)
    {
        try
        {
            return Activator.CreateInstance(pluginType);
        }
        catch (TargetInvocationException tie) when (tie.InnerException is not null)
        {
            _logger.LogError(tie.InnerException, "Plugin {Plugin} constructor threw", pluginType.Name);
            return null;
        }
        catch (MissingMethodException)
        {
            return null; // OK: specific
        }
    }

    public void Shutdown()
    {
        foreach (var p in _plugins)
        {
            try
            {
                (Activator.CreateInstance(p) as IDisposable)?.Dispose();
            }
            {|PA3001:catch (Exception)|}
            {
            }
        }
    }

    public void ShutdownLogged()
    {
        foreach (var p in _plugins)
        {
            try
            {
                (Activator.CreateInstance(p) as IDisposable)?.Dispose();
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Plugin {Plugin} failed to dispose", p.Name); // OK
            }
        }
    }
}
