using Throughcare.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Throughcare.Tests.Security;

// Every field of every form (HostileForms), one hostile value at a time. The cases are dealt round the four classes
// below, each with a database of its own, so that xUnit runs them side by side; in one class they ran one by one.

[LongRunning]
public sealed class HostileValuesPart1Tests(ThroughcareFactory factory, ITestOutputHelper output) : HostileFormHarness(factory), IClassFixture<ThroughcareFactory>
{
    public static TheoryData<string, string> Cases => HostileForms.CasesInPart(1, HostileForms.Parts);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Post_HostileValues_NoServerErrorNoEchoAndRejectedFormsChangeNothing(string form, string field) => SendHostileValuesAsync(form, field, output);
}

[LongRunning]
public sealed class HostileValuesPart2Tests(ThroughcareFactory factory, ITestOutputHelper output) : HostileFormHarness(factory), IClassFixture<ThroughcareFactory>
{
    public static TheoryData<string, string> Cases => HostileForms.CasesInPart(2, HostileForms.Parts);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Post_HostileValues_NoServerErrorNoEchoAndRejectedFormsChangeNothing(string form, string field) => SendHostileValuesAsync(form, field, output);
}

[LongRunning]
public sealed class HostileValuesPart3Tests(ThroughcareFactory factory, ITestOutputHelper output) : HostileFormHarness(factory), IClassFixture<ThroughcareFactory>
{
    public static TheoryData<string, string> Cases => HostileForms.CasesInPart(3, HostileForms.Parts);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Post_HostileValues_NoServerErrorNoEchoAndRejectedFormsChangeNothing(string form, string field) => SendHostileValuesAsync(form, field, output);
}

[LongRunning]
public sealed class HostileValuesPart4Tests(ThroughcareFactory factory, ITestOutputHelper output) : HostileFormHarness(factory), IClassFixture<ThroughcareFactory>
{
    public static TheoryData<string, string> Cases => HostileForms.CasesInPart(4, HostileForms.Parts);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Post_HostileValues_NoServerErrorNoEchoAndRejectedFormsChangeNothing(string form, string field) => SendHostileValuesAsync(form, field, output);
}
