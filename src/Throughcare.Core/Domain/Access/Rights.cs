namespace Throughcare.Core.Domain.Access;

/// <summary>The rights an access object granted on one record, as a set of its aggregate's right enum.</summary>
public sealed class Rights<TRight>
    where TRight : struct, Enum
{
    private readonly HashSet<TRight> _granted;

    public Rights(IEnumerable<TRight> granted) => _granted = [.. granted];

    public static Rights<TRight> None { get; } = new([]);

    public bool Has(TRight right) => _granted.Contains(right);

    public bool Has(Enum right) => right is TRight typed && _granted.Contains(typed);

    public IReadOnlyCollection<TRight> Granted => _granted;

    /// <summary>The rights held in any of these sets: what a viewer would hold in some state of the record.</summary>
    public static Rights<TRight> InAny(IEnumerable<Rights<TRight>> sets) => new(sets.SelectMany(s => s._granted));

    /// <summary>These rights less one.</summary>
    public Rights<TRight> Without(TRight right) => new(_granted.Where(r => !r.Equals(right)));

    public override string ToString() => string.Join(", ", _granted.Order());
}

/// <summary>Builds a rights set rule by rule, so each access object reads as a list of "this right, when".</summary>
public sealed class RightsBuilder<TRight>
    where TRight : struct, Enum
{
    private readonly List<TRight> _granted = [];

    public RightsBuilder<TRight> Grant(TRight right, bool when)
    {
        if (when)
        {
            _granted.Add(right);
        }

        return this;
    }

    public Rights<TRight> Build() => new(_granted);
}
