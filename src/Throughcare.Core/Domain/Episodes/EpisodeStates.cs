namespace Throughcare.Core.Domain.Episodes;

/// <summary>The episode life cycle's allowed transitions and the words people see, in one place.</summary>
public static class EpisodeStates
{
    private static readonly Dictionary<EpisodeState, EpisodeState[]> Allowed = new()
    {
        [EpisodeState.Engaging] = [EpisodeState.Active, EpisodeState.Disengaged, EpisodeState.Closing],
        [EpisodeState.Active] = [EpisodeState.Disengaged, EpisodeState.Closing],
        [EpisodeState.Disengaged] = [EpisodeState.Active, EpisodeState.Closing],

        // A closure that is not signed off goes back to the state it came from.
        [EpisodeState.Closing] = [EpisodeState.Closed, EpisodeState.Engaging, EpisodeState.Active, EpisodeState.Disengaged],
        [EpisodeState.Closed] = [],
    };

    public static bool CanMove(EpisodeState from, EpisodeState to) => Allowed[from].Contains(to);

    public static bool IsOpen(EpisodeState state) => state != EpisodeState.Closed;

    public static string Label(EpisodeState state) => state.ToString();

    /// <summary>The GOV.UK tag colour for a state.</summary>
    public static string Colour(EpisodeState state) => state switch
    {
        EpisodeState.Engaging => "blue",
        EpisodeState.Active => "green",
        EpisodeState.Disengaged => "orange",
        EpisodeState.Closing => "yellow",
        _ => "grey",
    };

    public static string Label(EpisodeCloseReason reason) => reason switch
    {
        EpisodeCloseReason.Completed => "Completed",
        EpisodeCloseReason.MovedOnToAnotherService => "Moved on to another service",
        EpisodeCloseReason.Disengaged => "Disengaged",
        EpisodeCloseReason.ReturnedToCustody => "Returned to custody",
        EpisodeCloseReason.MovedAway => "Moved away",
        EpisodeCloseReason.Died => "Died",
        _ => "Other",
    };

    public static string Label(ContactMode mode) => mode switch
    {
        ContactMode.FaceToFace => "Face to face",
        ContactMode.Phone => "Phone",
        ContactMode.Video => "Video",
        ContactMode.HomeVisit => "Home visit",
        ContactMode.PrisonVisit => "Prison visit",
        ContactMode.Outreach => "Outreach",
        _ => "Letter or text",
    };

    public static string Label(Attendance attendance) => attendance switch
    {
        Attendance.Attended => "Attended",
        Attendance.Late => "Attended late",
        Attendance.DidNotAttend => "Did not attend",
        Attendance.CancelledByPerson => "Cancelled by the person",
        _ => "Cancelled by the service",
    };

    public static string Label(AssessmentOccasion occasion) => occasion switch
    {
        AssessmentOccasion.Start => "Start",
        AssessmentOccasion.Review => "Review",
        _ => "End",
    };

    public static string Label(NeedLevel level) => level.ToString();

    public static string Label(GoalOutcome outcome) => outcome switch
    {
        GoalOutcome.Achieved => "Achieved",
        GoalOutcome.PartlyAchieved => "Partly achieved",
        _ => "Not achieved",
    };

    public static string Label(ActionOwner owner) => owner switch
    {
        ActionOwner.Worker => "Worker",
        ActionOwner.Person => "The person",
        _ => "Another organisation",
    };

    public static string Label(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.InProgress => "In progress",
        ActionStatus.Done => "Done",
        _ => "No longer needed",
    };
}
