namespace Throughcare.Core.Domain.ReferenceData;

/// <summary>London's 32 boroughs and the City of London, with an option for people living elsewhere.</summary>
public static class Boroughs
{
    public const string CityOfLondon = "city-of-london";
    public const string OutsideLondon = "outside-london";

    public static ReferenceList<ReferenceItem> All { get; } = ReferenceList.FromLabels(
        "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "City of London", "Croydon",
        "Ealing", "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering",
        "Hillingdon", "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth",
        "Lewisham", "Merton", "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton",
        "Tower Hamlets", "Waltham Forest", "Wandsworth", "Westminster", "Outside London");

    /// <summary>The 32 boroughs alone: the City of London is not a borough.</summary>
    public static ReferenceList<ReferenceItem> LondonBoroughs { get; } =
        new(All.Where(item => item.Code is not CityOfLondon and not OutsideLondon));
}
