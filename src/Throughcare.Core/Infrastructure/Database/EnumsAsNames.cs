using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Throughcare.Core.Infrastructure.Database;

/// <summary>The column width of an enum stored by name, where it differs from the width <see cref="EnumsAsNamesConvention"/> works out.</summary>
[AttributeUsage(AttributeTargets.Enum)]
public sealed class StoredLengthAttribute(int maxLength) : Attribute
{
    public int MaxLength { get; } = maxLength;
}

/// <summary>
/// Stores every enum property by name (nullable ones and lists of them too), so rows read plainly in the database and
/// survive members being reordered. The column is as wide as the longest name rounded up to ten, and at least twenty,
/// unless the enum carries a <see cref="StoredLengthAttribute"/>. A property configured explicitly keeps its own mapping.
/// </summary>
public sealed class EnumsAsNamesConvention : IModelFinalizingConvention
{
    public const int MinimumLength = 20;

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            Apply(entityType);
        }
    }

    public static int LengthFor(Type enumType)
    {
        var longest = Enum.GetNames(enumType).Max(n => n.Length);
        var stated = enumType.GetCustomAttributes(typeof(StoredLengthAttribute), false).OfType<StoredLengthAttribute>().SingleOrDefault();
        if (stated is null)
        {
            return Math.Max(MinimumLength, (longest + 9) / 10 * 10);
        }

        return stated.MaxLength >= longest
            ? stated.MaxLength
            : throw new InvalidOperationException($"{enumType.Name} has a name longer than its stored length of {stated.MaxLength}.");
    }

    private static void Apply(IConventionTypeBase type)
    {
        foreach (var property in type.GetDeclaredProperties())
        {
            // The builders answer null where an explicit configuration outranks this convention.
            if (EnumType(property.ClrType) is { } enumType)
            {
                property.Builder.HasConversion(typeof(string))?.HasMaxLength(LengthFor(enumType));
            }
            else if (property.GetElementType() is { } element && EnumType(element.ClrType) is { } elementEnum)
            {
                element.Builder.HasConversion(typeof(string))?.HasMaxLength(LengthFor(elementEnum));
            }
        }

        foreach (var complex in type.GetDeclaredComplexProperties())
        {
            Apply(complex.ComplexType);
        }
    }

    private static Type? EnumType(Type clrType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        return type.IsEnum ? type : null;
    }
}
