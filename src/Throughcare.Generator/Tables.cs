using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Throughcare.Generator;

/// <summary>One column as the EF model maps it: its name, its type mapping, and how to read its stored value from an entity.</summary>
public sealed class ColumnShape(string name, IProperty property)
{
    private readonly IClrPropertyGetter _getter = property.GetGetter();
    private readonly ValueConverter? _converter = property.GetTypeMapping().Converter;

    public string Name { get; } = name;

    public RelationalTypeMapping Mapping { get; } = (RelationalTypeMapping)property.GetTypeMapping();

    /// <summary>The value as the provider stores it: enums by name, lists as the provider keeps them.</summary>
    public object? Read(object entity)
    {
        var value = _getter.GetClrValueUsingContainingEntity(entity);
        return value is null || _converter is null ? value : _converter.ConvertToProvider(value);
    }
}

/// <summary>A table as the EF model maps it, so that bulk loading follows the schema instead of restating it.</summary>
public sealed class TableShape
{
    private TableShape(IEntityType entityType, string name, IReadOnlyList<ColumnShape> columns) =>
        (EntityType, Name, Columns) = (entityType, name, columns);

    public IEntityType EntityType { get; }

    public string Name { get; }

    public IReadOnlyList<ColumnShape> Columns { get; }

    /// <summary>Every mapped table, principals before their dependents, so that each batch can be written in foreign key order.</summary>
    public static IReadOnlyList<TableShape> InForeignKeyOrder(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).ToList();
        var ordered = new List<IEntityType>();
        var done = new HashSet<IEntityType>();
        while (ordered.Count < types.Count)
        {
            var ready = types.Where(t => !done.Contains(t) && t.GetForeignKeys()
                .All(fk => fk.PrincipalEntityType == t || done.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The model's foreign keys form a cycle: no load order exists.");
            }

            ordered.AddRange(ready.OrderBy(t => t.GetTableName(), StringComparer.Ordinal));
            done.UnionWith(ready);
        }

        return [.. ordered.Select(Of)];
    }

    private static TableShape Of(IEntityType type)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().Select(p => new ColumnShape(p.GetColumnName(table)!, p)).ToList();
        foreach (var complex in type.GetComplexProperties())
        {
            columns.AddRange(complex.ComplexType.GetProperties().Select(p => new ColumnShape(p.GetColumnName(table)!, p)));
        }

        if (type.GetProperties().FirstOrDefault(p => p.IsShadowProperty() && !p.IsKey()) is { } shadow)
        {
            throw new InvalidOperationException($"{type.DisplayName()}.{shadow.Name} is a shadow property: the generator cannot fill it from the entity.");
        }

        return new TableShape(type, table.Name, columns);
    }

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
