using Microsoft.EntityFrameworkCore.Migrations;

namespace Throughcare.Core.Infrastructure.Database.Migrations;

/// <summary>
/// The resettlement pathways as the partnership's plan names them, which the ResettlementPathwaysAsData migration of each
/// provider seeds. Alcohol belongs to the health pathway in the plan, so what was recorded as "drugs and alcohol" moves
/// to "drugs"; the old code stays as a retired pathway so that audit rows written with it still read with a name.
/// Fixed here as it was on the day: later changes are data, made on the administration pages.
/// </summary>
internal static class ResettlementPathwaysSeed
{
    public const string Table = "ResettlementPathways";
    public const string FormerDrugs = "drugs-alcohol";
    public const string Drugs = "drugs";

    private static readonly (string Id, string Code, string Label, bool Retired)[] Rows =
    [
        ("3b1f6c52-7a0e-4e43-9d3e-5f1a0c7d2e01", "accommodation", "Accommodation", false),
        ("3b1f6c52-7a0e-4e43-9d3e-5f1a0c7d2e02", "ete", "Education, training and employment", false),
        ("3b1f6c52-7a0e-4e43-9d3e-5f1a0c7d2e03", "health", "Mental and physical health (including alcohol)", false),
        ("3b1f6c52-7a0e-4e43-9d3e-5f1a0c7d2e04", Drugs, "Drugs", false),
        ("3b1f6c52-7a0e-4e43-9d3e-5f1a0c7d2e05", "finance", "Finance, benefit and debt", false),
        ("3b1f6c52-7a0e-4e43-9d3e-5f1a0c7d2e06", "children-families", "Children, families and support networks", false),
        ("3b1f6c52-7a0e-4e43-9d3e-5f1a0c7d2e07", "attitudes", "Attitudes, thinking and behaviour", false),
        ("3b1f6c52-7a0e-4e43-9d3e-5f1a0c7d2e08", FormerDrugs, "Drugs and alcohol (until November 2026)", true),
    ];

    public static void Insert(MigrationBuilder migrationBuilder)
    {
        for (var i = 0; i < Rows.Length; i++)
        {
            var (id, code, label, retired) = Rows[i];
            migrationBuilder.InsertData(
                table: Table,
                columns: ["Id", "Code", "Label", "Position", "Retired", "Version"],
                values: [new Guid(id), code, label, i + 1, retired, new Guid(id)]);
        }
    }

    /// <summary>Needs ratings and goals hold one code each; contacts a list, which each provider moves in its own SQL.</summary>
    public static void MoveSingleCodes(MigrationBuilder migrationBuilder, string from, string to)
    {
        migrationBuilder.Sql($"UPDATE \"NeedRatings\" SET \"Pathway\" = '{to}' WHERE \"Pathway\" = '{from}';");
        migrationBuilder.Sql($"UPDATE \"Goals\" SET \"Pathway\" = '{to}' WHERE \"Pathway\" = '{from}';");
    }
}
