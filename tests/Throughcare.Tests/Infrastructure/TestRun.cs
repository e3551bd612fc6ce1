using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Throughcare.Tests.Infrastructure.TestRun", "Throughcare.Tests")]
[assembly: TestCollectionOrderer("Throughcare.Tests.Infrastructure.LongRunningFirst", "Throughcare.Tests")]

namespace Throughcare.Tests.Infrastructure;

/// <summary>A test class that takes a minute or more (browser journeys, the hostile and access harnesses): started first.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute : Attribute;

/// <summary>
/// xunit's own test framework, which also drops the run's template database once every test class has finished. (The
/// test host is stopped too soon after the run for a process-exit handler to finish dropping a PostgreSQL database.)
/// </summary>
public sealed class TestRun(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnosticMessageSink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(
        ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override Task BeforeTestAssemblyFinishedAsync()
        {
            Aggregator.Run(TestDatabase.RemoveTemplate);
            return base.BeforeTestAssemblyFinishedAsync();
        }
    }
}

/// <summary>
/// Starts the long classes first: three classes run at a time (xunit.runner.json), so a long one starting last would
/// leave the other threads idle while it finishes. The rest keep xunit's order.
/// </summary>
public sealed class LongRunningFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(IsLongRunning);

    // A class without a [Collection] is a collection of its own, named "Test collection for" its full name.
    private static bool IsLongRunning(ITestCollection collection)
    {
        const string prefix = "Test collection for ";
        var name = collection.DisplayName.StartsWith(prefix, StringComparison.Ordinal) ? collection.DisplayName[prefix.Length..] : collection.DisplayName;
        return typeof(TestRun).Assembly.GetType(name)?.GetCustomAttribute<LongRunningAttribute>() is not null;
    }
}
