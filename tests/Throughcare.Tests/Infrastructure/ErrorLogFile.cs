using Microsoft.Extensions.Logging;

namespace Throughcare.Tests.Infrastructure;

/// <summary>
/// Writes the server's errors, with their exceptions, to the file named by THROUGHCARE_TEST_ERROR_LOG: the test
/// host shows none of the app's own logs, and a 500 in a page test is otherwise hard to explain.
/// </summary>
public sealed class ErrorLogFile(string path) : ILoggerProvider
{
    private static readonly Lock Gate = new();

    public static ErrorLogFile? FromEnvironment() =>
        Environment.GetEnvironmentVariable("THROUGHCARE_TEST_ERROR_LOG") is { Length: > 0 } path ? new ErrorLogFile(path) : null;

    public ILogger CreateLogger(string categoryName) => new FileLogger(path, categoryName);

    public void Dispose()
    {
    }

    private sealed class FileLogger(string path, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            lock (Gate)
            {
                File.AppendAllText(path, $"{DateTime.UtcNow:O} {category}: {formatter(state, exception)}\n{exception}\n\n");
            }
        }
    }
}
