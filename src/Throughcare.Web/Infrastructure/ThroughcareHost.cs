using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Throughcare.Core.Demo;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Notifications;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Storage;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Infrastructure;

public static class ThroughcareHost
{
    public const string SignedInPolicy = "signed-in";
    public const string SignInRateLimit = "sign-in";

    /// <summary>Set on a request the node refused because it was serving all it could at once (its error page says so).</summary>
    public const string BusyKey = "throughcare:busy";
    public const string TestingEnvironment = "Testing";
    public const int MinimumPasswordIterations = 210_000;

    public static void AddThroughcare(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = configuration.GetValue<long?>("Throughcare:MaxRequestBodyBytes") ?? 30 * 1024 * 1024;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddThroughcareDatabase(configuration, builder.Environment);
        services.AddScoped<CurrentUser>();
        services.AddMemoryCache();
        services.AddSingleton<SearchTokens>();
        services.AddScoped<AccountAudit>();
        services.AddScoped<DemoPartnership>();
        services.AddSingleton<IDocumentStore>(new FileSystemDocumentStore(Path.Combine(DatabaseSetup.GetDataDirectory(configuration, builder.Environment), "documents")));
        services.AddAudit();
        services.AddReferenceData();
        services.AddAccounts();
        services.AddOrganisations();
        services.AddPeople(configuration);
        services.AddCustody();
        services.AddServices();
        services.AddReferrals();
        services.AddNotifications(configuration);
        services.AddEpisodes();
        services.AddAppointments();
        services.AddAppointmentReminders(configuration);

        services.AddDataProtection().SetApplicationName("Throughcare");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        AddIdentity(services, configuration, builder.Environment);
        AddAuthorization(services);
        AddRateLimiting(services, configuration);

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/", SignedInPolicy);
            o.Conventions.AuthorizeFolder("/People", Capabilities.ViewPeople);
            o.Conventions.AuthorizeFolder("/Admin", Capabilities.OpenAdministration);
            o.Conventions.AuthorizeFolder("/Admin/Users", Capabilities.Administer);
            o.Conventions.AuthorizeFolder("/Admin/ApiTokens", Capabilities.Administer);
            o.Conventions.AuthorizeFolder("/Admin/Instruments", Capabilities.Administer);

            // The pathways are the whole partnership's, so no one organisation's administrator changes them (ADR 6).
            o.Conventions.AuthorizeFolder("/Admin/Pathways", Capabilities.AdministerPartnership);
            o.Conventions.AuthorizeFolder("/Admin/Journey", Capabilities.AdministerPartnership);
            o.Conventions.AddFolderApplicationModelConvention("/Admin", m => m.Filters.Add(new Pages.Admin.AdministrationRouteFilter()));
            o.Conventions.AddFolderApplicationModelConvention("/Services", m => m.Filters.Add(new Pages.Services.ServiceRouteFilter()));
            o.Conventions.AuthorizeFolder("/Audit", Capabilities.SearchAudit);
            o.Conventions.AuthorizeFolder("/Services", Capabilities.ViewServices);
            o.Conventions.AuthorizeFolder("/Referrals", Capabilities.ViewServices);
            o.Conventions.AuthorizeFolder("/Episodes", Capabilities.ViewEpisodes);
            o.Conventions.AuthorizeFolder("/Caseload", Capabilities.WorkEpisodes);
            o.Conventions.AuthorizeFolder("/Milestones", Capabilities.ViewPeople);
            o.Conventions.AuthorizeFolder("/ReleaseLists", Capabilities.ViewPeople);
            foreach (var page in AnonymousPages)
            {
                o.Conventions.AllowAnonymousToPage(page);
            }

            o.Conventions.ConfigureFilter(new RecordRouteFilter());
            o.Conventions.ConfigureFilter(new PageMethodFilter());
            o.Conventions.ConfigureFilter(new ValidationFailureFilter());
            o.Conventions.ConfigureFilter(new TwoFactorSetupFilter());
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new ReadAuditResultFilter()));

        // Success banners travel to the next page in TempData's cookie (docs/adr: flash messages), never in the URL.
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "__Host-Throughcare.Flash";
            o.Cookie.Path = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.IsEssential = true;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "__Host-Throughcare.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
            o.ExcludedHosts.Clear();
        });
        services.AddHealthChecks().AddCheck<DatabaseWriteProbe>("database", HealthStatus.Unhealthy, ["ready"]);
        services.Configure<HealthCheckServiceOptions>(o =>
        {
            foreach (var registration in o.Registrations)
            {
                registration.Timeout = TimeSpan.FromSeconds(5);
            }
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Throughcare API";
            document.Info.Description = "Partner systems submit referrals and read their state, and a service's own systems read episodes and record "
                + "contacts, appointments and custody (a change to a custody period sends its ETag in If-Match). Send a bearer token an administrator issues at /admin/api-tokens, and an Idempotency-Key header (any key of up to 255 printable ASCII characters) to make retries safe: "
                + "the same key and body get the first answer again, the same key with another body 422, and a key still in flight 409.";
            return Task.CompletedTask;
        }));
        AddTelemetry(services, configuration);
        AddHostFiltering(services, configuration, builder.Environment);
    }

    /// <summary>The host names served when <c>AllowedHosts</c> is not set: the demo's, on this machine only.</summary>
    public static readonly string[] DefaultAllowedHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// Requests for any other host name get 400 before anything runs, so nothing (an absolute redirect least of all)
    /// is built from a forged Host header. Production names its own host names in <c>AllowedHosts</c>.
    /// </summary>
    private static void AddHostFiltering(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (configured.Contains("*") && !environment.IsDevelopment())
        {
            throw new InvalidOperationException("Refusing to start: AllowedHosts must name the host names this service answers to, not '*'.");
        }

        services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o =>
        {
            o.AllowedHosts = configured.Length > 0 ? configured : DefaultAllowedHosts;
            o.AllowEmptyHosts = false;
            o.IncludeFailureMessage = false;
        });
    }

    /// <summary>
    /// Traces and metrics (ASP.NET Core requests, Npgsql commands and connection pools) over OTLP, off unless an endpoint
    /// is configured: Throughcare:Telemetry:OtlpEndpoint, or the standard OTEL_EXPORTER_OTLP_ENDPOINT.
    /// </summary>
    private static void AddTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration["Throughcare:Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        var protocol = string.Equals(configuration["Throughcare:Telemetry:OtlpProtocol"], "grpc", StringComparison.OrdinalIgnoreCase)
            ? OpenTelemetry.Exporter.OtlpExportProtocol.Grpc
            : OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf;
        void Exporter(OpenTelemetry.Exporter.OtlpExporterOptions o, string signal)
        {
            o.Protocol = protocol;
            o.Endpoint = new Uri(protocol == OpenTelemetry.Exporter.OtlpExportProtocol.Grpc ? endpoint : $"{endpoint.TrimEnd('/')}/v1/{signal}");
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("throughcare"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddNpgsql()
                .AddOtlpExporter(o => Exporter(o, "traces")))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter(o => Exporter(o, "metrics")));
    }

    /// <summary>The only pages open without signing in; a test fails if another page has no named policy.</summary>
    public static readonly string[] AnonymousPages =
        ["/Account/SignIn", "/Account/SignInTwoFactor", "/Errors/Index", "/Accessibility"];

    private static void AddIdentity(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<Security.SessionOptions>(configuration.GetSection("Throughcare:Sessions"));
        services.AddSingleton<SessionCache>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, SessionCacheInvalidator>();
        services.AddIdentity<ApplicationUser, IdentityRole<Guid>>(o =>
            {
                // Length and guessability are checked by PasswordPolicyValidator, with GOV.UK-style messages.
                o.Password.RequiredLength = 1;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ThroughcareDbContext>()
            .AddSignInManager<ThroughcareSignInManager>()
            .AddClaimsPrincipalFactory<ThroughcareClaimsFactory>()
            .AddPasswordValidator<PasswordPolicyValidator<ApplicationUser>>()
            .AddDefaultTokenProviders();
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, Api.ApiTokenAuthenticationHandler>(Api.ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddScoped<Api.ApiTokenService>();
        services.AddSingleton<Api.IdempotencySweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<Api.IdempotencySweeper>());

        var iterations = configuration.GetValue<int?>("Throughcare:PasswordIterations") ?? MinimumPasswordIterations;
        if (iterations < MinimumPasswordIterations && !environment.IsEnvironment(TestingEnvironment))
        {
            throw new InvalidOperationException($"Refusing to start: password hashing needs at least {MinimumPasswordIterations} iterations.");
        }

        services.Configure<PasswordHasherOptions>(o => o.IterationCount = iterations);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "__Host-Throughcare";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.ReturnUrlParameter = "returnUrl";
            o.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = SessionValidator.ValidateAsync,
                OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
                OnRedirectToLogin = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/api"))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    }
                    else
                    {
                        // Within the site, never to the host the request named.
                        context.Response.Redirect(Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri);
                    }

                    return Task.CompletedTask;
                },
            };
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.Name = "__Host-Throughcare." + scheme.Replace("Identity.", "", StringComparison.Ordinal);
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.SameSite = SameSiteMode.Strict;
            });
        }
    }

    private static void AddAuthorization(IServiceCollection services) => services.AddAuthorizationBuilder()
        .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(SignedInPolicy, p => p.RequireAuthenticatedUser())
        .AddPolicy(Api.ReferralsApi.Policy, p => p.AddAuthenticationSchemes(Api.ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser().RequireRole(Capabilities.Roles[Capabilities.MakeReferrals]))
        .AddPolicy(Api.EpisodesApi.Policy, p => p.AddAuthenticationSchemes(Api.ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser().RequireRole(Capabilities.Roles[Capabilities.WorkEpisodes]))
        .AddCapabilityPolicies();

    private static Microsoft.AspNetCore.Authorization.AuthorizationBuilder AddCapabilityPolicies(this Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder)
    {
        foreach (var (capability, roles) in Capabilities.Roles)
        {
            builder.AddPolicy(capability, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        return builder;
    }

    private static void AddRateLimiting(IServiceCollection services, IConfiguration configuration)
    {
        var signInPermits = configuration.GetValue<int?>("Throughcare:RateLimits:SignInPerMinute") ?? 10;
        var calendarPermits = configuration.GetValue<int?>("Throughcare:RateLimits:CalendarFeedPerMinute") ?? 30;
        var concurrentRequests = configuration.GetValue<int?>("Throughcare:RateLimits:ConcurrentRequests") ?? 64;
        var queuedRequests = configuration.GetValue<int?>("Throughcare:RateLimits:QueuedRequests") ?? 256;
        services.AddRateLimiter(o =>
        {
            o.OnRejected = (context, _) =>
            {
                // The sign-in window says when it reopens; a full node asks for a retry in a few seconds, and its page says it is busy.
                var window = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
                context.HttpContext.Response.Headers.RetryAfter = window ? ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture) : "5";
                if (!window)
                {
                    context.HttpContext.Items[BusyKey] = true;
                }

                return ValueTask.CompletedTask;
            };
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

            // The calendar address is a credential in the URL: guessing at it is slowed like guessing a password.
            o.AddPolicy(CalendarFeedEndpoint.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = calendarPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

            // Sheds load beyond what the node can serve promptly, rather than letting every request slow down. Health checks,
            // and the error page re-executed for a refused request, are never refused.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/health") || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetConcurrencyLimiter("node", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = concurrentRequests,
                        QueueLimit = queuedRequests,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    }));
        });
    }

    public static void UseThroughcare(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Throughcare:TrustForwardedHeaders"))
        {
            // Behind a TLS-terminating load balancer: take the original scheme and client address from it.
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        }

        if (app.Configuration.GetValue<bool>("Throughcare:LoopbackIsSecure"))
        {
            // Demo only: browsers treat http://localhost as a secure context, so the Secure, __Host- cookies work there.
            app.Use((context, next) =>
            {
                if (context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address))
                {
                    context.Request.Scheme = "https";
                }

                return next();
            });
        }

        app.UseCorrelationIds();
        app.UseSecurityHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error/500",

                // The database down, hung, locked or full is not Throughcare's fault and passes: 503, try again later.
                StatusCodeSelector = e => DatabaseFaults.IsUnavailable(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            });
        }

        app.UseHsts();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();

        // The partner developers' reference to the API, rendered from the OpenAPI document by Swagger UI, whose
        // files come in its package (no inline script, so it runs under the same Content-Security-Policy).
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/reference";
            o.DocumentTitle = "Throughcare API reference";
            o.SwaggerEndpoint("/openapi/v1.json", "Throughcare API v1");
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.Use(SessionValidator.RethrowUnavailableDatabase);
        app.UseAuthorization();
        Api.IdempotencyKeys.UseIdempotencyKeys(app);

        var endpoints = app.MapGroup("").AnswerHeadWhereGet();
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains("ready") }).AllowAnonymous();
        endpoints.MapOpenApi().AllowAnonymous();
        Api.ReferralsApi.MapReferralsApi(endpoints);
        Api.EpisodesApi.MapEpisodesApi(endpoints);
        Api.AppointmentsApi.MapAppointmentsApi(endpoints);
        Api.CustodyApi.MapCustodyApi(endpoints);
        endpoints.MapBenchmarkBaseline(app.Configuration);
        endpoints.MapCalendarFeed();
        app.MapRazorPages();
    }
}
