using Throughcare.Core.Domain.Access;

namespace Throughcare.Core.Domain.Appointments;

public static class AppointmentsModule
{
    public static IServiceCollection AddAppointments(this IServiceCollection services) => services.AddScoped<AppointmentService>().AddScoped<PersonAppointments>()
        .AddRecordAccess<PersonAppointmentAccess>();
}
