using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Tests.Platform;

/// <summary>The database model as the modules configure it: in step with the migrations, enums stored by name.</summary>
public sealed class ModelTests
{
    [Fact]
    public void TheMigrations_MatchTheModel_OnBothProviders()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        sqlite.Database.HasPendingModelChanges().ShouldBeFalse("the SQLite migrations are behind the model");
        postgres.Database.HasPendingModelChanges().ShouldBeFalse("the PostgreSQL migrations are behind the model");
    }

    [Fact]
    public void EveryEnumProperty_IsStoredByName_InAColumnWideEnoughForItsLongestName()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        var enums = AllProperties(db.Model).Where(p => EnumType(p.ClrType) is not null).ToList();

        enums.Count.ShouldBeGreaterThan(20);
        foreach (var property in enums)
        {
            var longest = Enum.GetNames(EnumType(property.ClrType)!).Max(n => n.Length);
            property.GetProviderClrType().ShouldBe(typeof(string), $"{property.DeclaringType.DisplayName()}.{property.Name}");
            property.GetMaxLength().ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(longest, $"{property.DeclaringType.DisplayName()}.{property.Name}");
        }
    }

    [Fact]
    public void TheConvention_CoversNullableEnumsListsAndComplexTypes_AndLeavesExplicitMappingsAlone()
    {
        using var db = new ConventionContext();
        var entity = db.Model.FindEntityType(typeof(Sample))!;

        var plain = entity.FindProperty(nameof(Sample.Colour))!;
        plain.GetProviderClrType().ShouldBe(typeof(string));
        plain.GetMaxLength().ShouldBe(EnumsAsNamesConvention.MinimumLength);
        var nullable = entity.FindProperty(nameof(Sample.Size))!;
        nullable.GetProviderClrType().ShouldBe(typeof(string));
        nullable.GetMaxLength().ShouldBe(30);
        entity.FindProperty(nameof(Sample.Stated))!.GetMaxLength().ShouldBe(50);
        var list = entity.FindProperty(nameof(Sample.Colours))!.GetElementType()!;
        list.GetProviderClrType().ShouldBe(typeof(string));
        list.GetMaxLength().ShouldBe(EnumsAsNamesConvention.MinimumLength);
        var inComplex = entity.FindComplexProperty(nameof(Sample.Details))!.ComplexType.FindProperty(nameof(SampleDetails.Colour))!;
        inComplex.GetProviderClrType().ShouldBe(typeof(string));
        var explicitlyNumbered = entity.FindProperty(nameof(Sample.Numbered))!;
        explicitlyNumbered.GetProviderClrType().ShouldBe(typeof(int));
        explicitlyNumbered.GetMaxLength().ShouldBeNull();
    }

    [Fact]
    public void AStoredLength_ShorterThanALongestName_IsRefused() =>
        Should.Throw<InvalidOperationException>(() => EnumsAsNamesConvention.LengthFor(typeof(TooNarrow)))
            .Message.ShouldBe("TooNarrow has a name longer than its stored length of 5.");

    private static IEnumerable<IProperty> AllProperties(IModel model)
    {
        static IEnumerable<IProperty> Of(ITypeBase type) =>
            type.GetDeclaredProperties().Concat(type.GetDeclaredComplexProperties().SelectMany(c => Of(c.ComplexType)));

        return model.GetEntityTypes().SelectMany(Of);
    }

    private static Type? EnumType(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } e ? e : null;

    public enum Colour { Red, Green }

    public enum Size { Small, ExtraExtraLargeAndThenSome }

    [StoredLength(50)]
    public enum Stated { One }

    [StoredLength(5)]
    public enum TooNarrow { Brief, LongerThanFive }

    public sealed class Sample
    {
        public int Id { get; set; }
        public Colour Colour { get; set; }
        public Size? Size { get; set; }
        public Stated Stated { get; set; }
        public Colour Numbered { get; set; }
        public List<Colour> Colours { get; set; } = [];
        public SampleDetails Details { get; set; } = new();
    }

    public sealed class SampleDetails
    {
        public Colour Colour { get; set; }
    }

    private sealed class ConventionContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlite("Data Source=:memory:");

        protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
            configurationBuilder.Conventions.Add(_ => new EnumsAsNamesConvention());

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Sample>(b =>
        {
            b.ComplexProperty(s => s.Details);
            b.Property(s => s.Numbered).HasConversion<int>();
        });
    }
}
