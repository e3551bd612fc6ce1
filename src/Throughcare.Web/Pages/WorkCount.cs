namespace Throughcare.Web.Pages;

/// <summary>One line of "what needs me now": how many, and the list that shows exactly those.</summary>
public sealed record WorkCount(string Id, string Label, int Count, string? Href);
