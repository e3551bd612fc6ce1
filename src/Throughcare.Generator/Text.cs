namespace Throughcare.Generator;

/// <summary>Plausible free text for the fields people type, a few of each, so that pages show what a real record holds.</summary>
internal static class Text
{
    public static readonly string[] ReferralReasons =
    [
        "Released on licence last month; struggling with supervision and at risk of losing his hostel place.",
        "Low mood and poor sleep since sentencing; has said he does not see the point in appointments.",
        "History of self-harm in custody; release date in six weeks with no settled address.",
        "Arrested after a disturbance at his hostel; appears very low and says he has stopped his medication.",
        "Screened in to the OPD pathway; the formulation suggests difficulty trusting professionals.",
        "Frequent breaches for missed appointments; probation think anxiety rather than defiance lies behind them.",
    ];

    public static readonly string[] HelpWanted =
    [
        "Someone to talk to, and help to find settled housing.",
        "A mental health assessment before the next court date, and advice to the court.",
        "Practical help with benefits, ID and registering with a GP.",
        "Support to keep to licence conditions and to rebuild contact with family.",
    ];

    public static readonly string[] HardestThings =
    [
        "Not knowing if I'll still have a room next month",
        "Probation appointments make me anxious",
        "Being away from my daughter",
        "Money running out before the end of the month",
        "Sleeping badly and feeling on edge",
        "People from before getting in touch",
    ];

    public static readonly string[] AttendedNotes =
    [
        "Met at the hub. Talked through the week and what got in the way; agreed to meet again next week.",
        "Went through the Universal Credit claim together and booked a Jobcentre appointment.",
        "Short session on the phone about sleep and what helped last time.",
        "Viewed a shared house with the housing officer; he liked the area.",
        "Worked on the safety plan and who he can call at night.",
        "Talked about his daughter's birthday and how to ask for contact.",
    ];

    public static readonly string[] MissedNotes =
    [
        "Did not come to the hub. Texted to rearrange.",
        "No answer at the hostel. Left a card.",
        "Cancelled the morning of the appointment; said he was unwell.",
        "No reply to calls or texts.",
    ];

    public static readonly string[] Reviews =
    [
        "Engaging well with both strands; housing is the priority for the next three months.",
        "Attendance has dropped since the move; agreed afternoon appointments and a joint visit with probation.",
        "Mood scores improving; goals on finance met, accommodation still in progress.",
    ];

    public static readonly string[] Summaries =
    [
        "Worked together for most of the planned period. Now settled in his own tenancy and registered with a GP.",
        "Stopped engaging after the move despite several attempts by phone, letter and visit; probation informed.",
        "Moved on to the community mental health team, who have the formulation and the plan.",
    ];

    public static readonly string[] Actions =
    [
        "Submit the housing register application",
        "Bring ID and proof of income",
        "Book a GP appointment",
        "Call the Jobcentre about the claim",
        "Write to the council about the arrears",
        "Ask probation about moving the reporting day",
    ];

    public static readonly Dictionary<string, string> Goals = new()
    {
        ["accommodation"] = "Move into a settled home before the hostel place ends",
        ["ete"] = "Start a course or some voluntary work",
        ["health"] = "Feel less anxious and sleep better",
        ["drugs"] = "Cut down and stay in touch with the drug service",
        ["finance"] = "Get benefits sorted and pay off the arrears",
        ["children-families"] = "See my daughter regularly",
        ["attitudes"] = "Walk away from arguments before they get out of hand",
    };
}
