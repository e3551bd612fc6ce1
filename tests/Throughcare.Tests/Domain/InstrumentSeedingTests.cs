using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Domain;

public sealed class InstrumentSeedingTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private async Task SeedAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().AsSystem();
        await scope.ServiceProvider.GetRequiredService<InstrumentCatalogueService>().SeedShippedAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Seeding_AtStartUpAndAgain_LeavesExactlyTheThreeShippedInstruments()
    {
        await SeedAsync();
        await SeedAsync();

        var shipped = await factory.WithDbAsync(db => db.Instruments.Where(i => i.OrganisationId == null).OrderBy(i => i.Code).Select(i => i.Code).ToListAsync());
        shipped.ShouldBe(["GAD-7", "PHQ-9", "REL-ENG"]);
    }

    [Fact]
    public async Task Seeding_UpdatesAShippedDefinitionThatHasChanged()
    {
        var phq9 = InstrumentCatalogueService.Shipped[0].Id;
        await factory.WithDbAsync(db => db.Instruments.Where(i => i.Id == phq9).ExecuteUpdateAsync(s => s.SetProperty(i => i.Definition, "{}").SetProperty(i => i.Name, "Old")));

        await SeedAsync();

        var instrument = await factory.WithDbAsync(db => db.Instruments.SingleAsync(i => i.Id == phq9));
        instrument.Definition.ShouldBe(InstrumentCatalogueService.ShippedJson("phq-9.json"));
        instrument.Name.ShouldBe("Patient Health Questionnaire (PHQ-9)");
        (await factory.WithDbAsync(db => db.Instruments.CountAsync(i => i.OrganisationId == null))).ShouldBe(3);
    }
}
