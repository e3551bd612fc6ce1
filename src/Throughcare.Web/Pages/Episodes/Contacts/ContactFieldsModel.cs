using Throughcare.Core.Domain.Episodes;

namespace Throughcare.Web.Pages.Episodes.Contacts;

/// <summary>What the shared contact fields need: the input and the rules that give the strands and lists.</summary>
public sealed record ContactFieldsModel(ContactInput Input, ContactRules Rules);
