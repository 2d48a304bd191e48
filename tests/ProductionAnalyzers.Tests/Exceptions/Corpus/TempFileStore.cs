using System;
using System.IO;
using System.Threading;

namespace Corpus.Storage
{
    public sealed class TempFileStore : IDisposable
    {
        private readonly string _root;
        private readonly FileStream _lockFile;
        private bool _disposed;

        public TempFileStore(string root)
        {
            _root = root;
            Directory.CreateDirectory(root);
            _lockFile = new FileStream(Path.Combine(root, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }

        public string NewPath(string extension) => Path.Combine(_root, Guid.NewGuid().ToString("N") + extension);

        public void Delete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // The file is still open somewhere; the sweep on dispose removes it later.
            }
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                _lockFile.Dispose();
            }
            {|PA3001:catch|}
            {
            }

            try
            {
                Directory.Delete(_root, recursive: true);
            }
            {|PA3001:catch (UnauthorizedAccessException)|}
            {
            }
            catch (IOException)
            {
                /* best effort: another process may still hold a file */
            }
        }

        public static void SafeCancel(CancellationTokenSource cts)
        {
            try
            {
                cts.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // already disposed by the owner
            }
        }

        public static void Touch(string path)
        {
            try
            {
                File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            }
            {|PA3001:catch (FileNotFoundException)|} { }
        }

        public static void WaitQuietly(ManualResetEventSlim signal, CancellationToken ct)
        {
            try
            {
                signal.Wait(ct);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
