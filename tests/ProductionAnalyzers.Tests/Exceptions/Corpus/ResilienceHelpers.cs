using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Infrastructure
{
    public static class AppLog
    {
        public static void Warn(string message, Exception? error = null) => Trace.TraceWarning(error is null ? message : message + ": " + error);
    }

    public static class Resilience
    {
        public static async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> action, int attempts, CancellationToken ct)
        {
            var failures = new List<Exception>();
            for (var attempt = 0; attempt < attempts; attempt++)
            {
                try
                {
                    return await action(ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    failures.Add(ex);
                    await Task.Delay(TimeSpan.FromMilliseconds(100 * (attempt + 1)), ct);
                }
            }

            throw new AggregateException($"Gave up after {attempts} attempts", failures);
        }

        public static async Task<T?> FirstSuccessfulAsync<T>(IEnumerable<Func<Task<T>>> sources)
            where T : class
        {
            ExceptionDispatchInfo? last = null;
            foreach (var source in sources)
            {
                try
                {
                    return await source();
                }
                catch (Exception ex)
                {
                    last = ExceptionDispatchInfo.Capture(ex);
                }
            }

            last?.Throw();
            return null;
        }

        public static T? Quietly<T>(Func<T> read)
            where T : class
        {
            try
            {
                return read();
            }
            {|PA3002:catch|}
            {
                return null;
            }
        }

        public static void FireAndForget(Func<Task> work)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await work();
                }
                catch (Exception ex)
                {
                    AppLog.Warn("Background work failed", ex);
                }
            });
        }

        public static void RunAll(IEnumerable<Action> steps)
        {
            foreach (var step in steps)
            {
                try
                {
                    step();
                }
                catch (Exception e)
                {
                    Trace.TraceError("Step failed: {0}", e);
                }
            }
        }

        public static bool TryRun(Action step)
        {
            try
            {
                step();
                return true;
            }
            {|PA3002:catch (Exception ex)|}
            {
                Debug.WriteLine("Step failed: " + ex.Message);
                return false;
            }
        }

        public static void DisposeAll(IEnumerable<IDisposable> disposables)
        {
            foreach (var disposable in disposables)
            {
                try
                {
                    disposable.Dispose();
                }
                catch (Exception)
                {
                    // Disposal failures must not prevent the remaining resources from being released.
                }
            }
        }

        public static Task<int> RunWithCompletion(Func<int> work)
        {
            var completion = new TaskCompletionSource<int>();
            try
            {
                completion.SetResult(work());
            }
            catch (Exception ex)
            {
                completion.SetException(ex);
            }

            return completion.Task;
        }
    }
}
