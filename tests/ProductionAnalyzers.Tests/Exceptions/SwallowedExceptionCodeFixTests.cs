using System.Threading.Tasks;
using ProductionAnalyzers.CodeFixes;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Exceptions.SwallowedExceptionAnalyzer,
    ProductionAnalyzers.CodeFixes.Exceptions.ExceptionsCodeFixProvider>;

namespace ProductionAnalyzers.Tests.Exceptions
{
    /// <summary>
    /// PA3001 and PA3002 offer the same "log it" and "rethrow" actions under one key each, so one Fix All fixes the catches
    /// of both rules: the harness runs Fix All with every supported ID, and <c>dotnet format analyzers</c> runs it with the
    /// key of whichever diagnostic it sees first (see Quality/FixAllProtocolTests).
    /// </summary>
    public class SwallowedExceptionCodeFixTests
    {
        private const string Source = """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            public sealed class ReportExporter
            {
                private readonly ILogger<ReportExporter> _logger;

                public ReportExporter(ILogger<ReportExporter> logger) => _logger = logger;

                public void DeleteDraft(string path)
                {
                    try
                    {
                        File.Delete(path);
                    }
                    {|PA3001:catch (IOException)|}
                    {
                    }
                }

                public async Task<bool> TryUploadAsync(Func<Task> upload)
                {
                    try
                    {
                        await upload();
                        return true;
                    }
                    {|PA3002:catch (Exception)|}
                    {
                        return false;
                    }
                }

                public void Publish(Action publish)
                {
                    try
                    {
                        publish();
                    }
                    {|PA3001:catch|}
                    {
                    }
                }
            }
            """;

        [Fact]
        public async Task FixAll_LogException_FixesBothRules()
        {
            const string fixedSource = """
                using System;
                using System.IO;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Logging;

                public sealed class ReportExporter
                {
                    private readonly ILogger<ReportExporter> _logger;

                    public ReportExporter(ILogger<ReportExporter> logger) => _logger = logger;

                    public void DeleteDraft(string path)
                    {
                        try
                        {
                            File.Delete(path);
                        }
                        catch (IOException ex)
                        {
                            _logger.LogError(ex, "DeleteDraft failed");
                        }
                    }

                    public async Task<bool> TryUploadAsync(Func<Task> upload)
                    {
                        try
                        {
                            await upload();
                            return true;
                        }
                        catch (Exception ex)
                        {
                            _logger.LogError(ex, "TryUpload failed");
                            return false;
                        }
                    }

                    public void Publish(Action publish)
                    {
                        try
                        {
                            publish();
                        }
                        catch (Exception ex)
                        {
                            _logger.LogError(ex, "Publish failed");
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = Source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3002LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task FixAll_Rethrow_FixesBothRules()
        {
            const string fixedSource = """
                using System;
                using System.IO;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Logging;

                public sealed class ReportExporter
                {
                    private readonly ILogger<ReportExporter> _logger;

                    public ReportExporter(ILogger<ReportExporter> logger) => _logger = logger;

                    public void DeleteDraft(string path)
                    {
                        try
                        {
                            File.Delete(path);
                        }
                        catch (IOException)
                        {
                            throw;
                        }
                    }

                    public async Task<bool> TryUploadAsync(Func<Task> upload)
                    {
                        try
                        {
                            await upload();
                            return true;
                        }
                        catch (Exception)
                        {
                            throw;
                        }
                    }

                    public void Publish(Action publish)
                    {
                        try
                        {
                            publish();
                        }
                        catch
                        {
                            throw;
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = Source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3001Rethrow,
            }.RunAsync();
        }

        [Fact]
        public async Task FixAll_KeepCause_LeavesEmptyCatchesToTheirOwnActions()
        {
            const string source = """
                using System;
                using System.IO;

                public sealed class ConfigLoader
                {
                    public string Load(string path)
                    {
                        try
                        {
                            return File.ReadAllText(path);
                        }
                        {|PA3002:catch (Exception)|}
                        {
                            throw new InvalidOperationException("Configuration could not be read");
                        }
                    }

                    public void Touch(string path)
                    {
                        try
                        {
                            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
                        }
                        {|PA3001:catch (IOException)|}
                        {
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using System.IO;

                public sealed class ConfigLoader
                {
                    public string Load(string path)
                    {
                        try
                        {
                            return File.ReadAllText(path);
                        }
                        catch (Exception ex)
                        {
                            throw new InvalidOperationException("Configuration could not be read", ex);
                        }
                    }

                    public void Touch(string path)
                    {
                        try
                        {
                            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
                        }
                        {|PA3001:catch (IOException)|}
                        {
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                FixedState = { MarkupHandling = MarkupMode.Allow },
                CodeActionEquivalenceKey = FixKeys.Pa3002KeepCause,
            }.RunAsync();
        }
    }
}
