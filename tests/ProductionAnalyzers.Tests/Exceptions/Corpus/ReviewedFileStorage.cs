using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Exceptions.Storage;

public sealed class StorageException : Exception
{
    public StorageException(string message, Exception inner) : base(message, inner) { }
}

public sealed class LocalFileStore
{
    private readonly string _root;
    private readonly ILogger<LocalFileStore> _logger;

    public LocalFileStore(string root, ILogger<LocalFileStore> logger)
    {
        _root = root;
        _logger = logger;
    }

    public async Task<byte[]?> ReadAsync(string name)
    {
        var path = Path.Combine(_root, name);
        try
        {
            return await File.ReadAllBytesAsync(path);
        }
        catch (FileNotFoundException)
        {
            return null; // OK: specific
        }
        catch (DirectoryNotFoundException)
        {
            return null; // OK: specific
        }
        catch (Exception ex)
        {
            throw new StorageException($"Reading {name} failed", ex); // OK: inner exception
        }
    }

    public async Task<bool> WriteAsync(string name, byte[] data)
    {
        var tmp = Path.Combine(_root, name + ".tmp");
        try
        {
            await File.WriteAllBytesAsync(tmp, data);
            File.Move(tmp, Path.Combine(_root, name), overwrite: true);
            return true;
        }
        catch (IOException ex) when (ex.HResult == unchecked((int)0x80070070))
        {
            _logger.LogCritical(ex, "Disk full while writing {Name}", name);
            return false;
        }
        finally
        {
            try
            {
                if (File.Exists(tmp)) File.Delete(tmp);
            }
            catch (IOException)
            {
                // temp file is cleaned up by the nightly sweep
            }
        }
    }

    public bool TryDelete(string name)
    {
        try
        {
            File.Delete(Path.Combine(_root, name));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // OK: narrowed
        }
    }

    public bool TryDeleteAll(string name)
    {
        try
        {
            File.Delete(Path.Combine(_root, name));
            return true;
        }
        {|PA3002:catch (Exception)|}
        {
            return false;
        }
    }

    public string? Checksum(string name)
    {
        try
        {
            using var stream = File.OpenRead(Path.Combine(_root, name));
            return Convert.ToHexString(SHA256.HashData(stream));
        }
        catch (UnauthorizedAccessException ex)
        {
            _logger.LogWarning(ex, "No access to {Name}", name);
            return null;
        }
        {|PA3002:catch (Exception)|}
        {
            return string.Empty;
        }
    }

    public long SizeOf(string name)
    {
        try
        {
            return new FileInfo(Path.Combine(_root, name)).Length;
        }
        catch (FileNotFoundException)
        {
            return -1;
        }
        {|PA3001:catch (IOException)|}
        {
        }
        return 0;
    }

    public IEnumerable<string> List()
    {
        string[] files;
        try
        {
            files = Directory.GetFiles(_root);
        }
        catch (DirectoryNotFoundException)
        {
            files = Array.Empty<string>();
        }
        return files.Select(Path.GetFileName)!;
    }

    public void Sweep(TimeSpan olderThan)
    {
        foreach (var f in Directory.EnumerateFiles(_root, "*.tmp"))
        {
            try
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(f) > olderThan) File.Delete(f);
            }
            catch (IOException ex)
            {
                _logger.LogDebug(ex, "Could not sweep {File}", f); // OK
            }
            {|PA3001:catch (UnauthorizedAccessException)|} { }
        }
    }

    public async Task<Stream?> OpenAsync(string name, CancellationToken ct)
    {
        try
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            return File.OpenRead(Path.Combine(_root, name));
        }
        catch (OperationCanceledException)
        {
        }
        {|PA3002:catch (Exception ex)|}
        {
            {|PA4003:System.Diagnostics.Debug.WriteLine($"open failed: {ex.Message}")|};
        }
        return null;
    }
}
